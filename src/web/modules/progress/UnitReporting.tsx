import { Card, Empty, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { ProgressResponse } from '../../../core/progress/progress.schemas';
import { useI18n } from '../../i18n/useI18n';
import { useUnits } from '../units/unitQueries';
import { unitsReporting } from './reporting';

interface UnitReportingProps {
  current: ProgressResponse;
  /** Last month's end; null in January; undefined while loading. */
  previous: ProgressResponse | null | undefined;
}

/**
 * 本月填报情况: which member units have records dated this month that count for an indicator, and
 * which have none yet (R13: each unit reports its progress monthly).
 */
export function UnitReporting({ current, previous }: UnitReportingProps) {
  const { t } = useI18n();
  const units = useUnits();
  const month = Number(current.asOf.slice(5, 7));
  const reports = useMemo(
    () => (previous === undefined ? [] : unitsReporting(current, previous)),
    [current, previous],
  );
  const members = (units.data ?? []).filter((u) => u.kind === 'member' && u.active);
  const reported = new Set(reports.map((r) => r.unitId));
  const silent = members.filter((u) => !reported.has(u.id));
  const membersReported = members.filter((u) => reported.has(u.id)).length;

  return (
    <Card
      title={t('progress.reportingTitle', { month })}
      size="small"
      style={{ height: '100%' }}
      extra={
        previous === undefined ? null : (
          <Typography.Text data-testid="units-reported">
            {t('progress.reportingCount', { n: membersReported, total: members.length })}
          </Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('progress.reportingHint', { from: `${current.asOf.slice(0, 8)}01`, to: current.asOf })}
      </Typography.Paragraph>
      {previous === undefined ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          {reports.length ? (
            <Flex wrap gap={6} role="list" aria-label={t('progress.reported')} style={{ marginBottom: 12 }}>
              {reports.map((r) => (
                <Tooltip key={r.unitId} title={r.indicators.join('、')}>
                  <Tag color="success" role="listitem" style={{ marginInlineEnd: 0 }}>
                    {r.unitName}
                  </Tag>
                </Tooltip>
              ))}
            </Flex>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.nobodyReported')} />
          )}
          {silent.length ? (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('progress.notReported', { n: silent.length })}
              </Typography.Text>
              <Flex
                wrap
                gap={6}
                role="list"
                aria-label={t('progress.notReportedLabel')}
                style={{ marginTop: 6 }}
              >
                {silent.map((u) => (
                  <Tag key={u.id} role="listitem" style={{ marginInlineEnd: 0, color: 'rgba(0,0,0,0.55)' }}>
                    {u.name}
                  </Tag>
                ))}
              </Flex>
            </>
          ) : null}
        </>
      )}
    </Card>
  );
}
