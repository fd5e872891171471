import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { getUnitReporting } from '../../api/progress';
import { useI18n } from '../../i18n/useI18n';
import { useUnits } from '../units/unitQueries';

interface UnitReportingProps {
  /** The evaluation date; the card covers its month up to this day. */
  asOf: string;
}

/**
 * 本月填报情况: which member units have entered records dated this month (of any type), and which
 * have none yet (R13: each unit reports its progress monthly). Counted by the server.
 */
export function UnitReporting({ asOf }: UnitReportingProps) {
  const { t } = useI18n();
  const units = useUnits();
  const from = `${asOf.slice(0, 8)}01`;
  const reporting = useQuery({
    queryKey: ['progress-reporting', from, asOf],
    queryFn: ({ signal }) => getUnitReporting({ from, to: asOf }, signal),
  });
  const month = Number(asOf.slice(5, 7));
  const reports = reporting.data?.items ?? [];
  const members = (units.data ?? []).filter((u) => u.kind === 'member' && u.active);
  const reported = new Set(reports.map((r) => r.unitId));
  const silent = members.filter((u) => !reported.has(u.id));
  const membersReported = members.filter((u) => reported.has(u.id)).length;
  const loading = reporting.isPending;

  return (
    <Card
      title={t('progress.reportingTitle', { month })}
      size="small"
      style={{ height: '100%' }}
      extra={
        loading ? null : (
          <Typography.Text data-testid="units-reported">
            {t('progress.reportingCount', { n: membersReported, total: members.length })}
          </Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('progress.reportingHint', { from, to: asOf })}
      </Typography.Paragraph>
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          {reports.length ? (
            <Flex wrap gap={6} role="list" aria-label={t('progress.reported')} style={{ marginBottom: 12 }}>
              {reports.map((r) => (
                <Tooltip key={r.unitId} title={t('progress.recordCount', { n: r.records })}>
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
