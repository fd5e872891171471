import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DEEP_GROUPS } from '../../../core/households/households.schemas';
import type { DeepDifficultyGroupSummary } from '../../api/monitoring';
import { useI18n } from '../../i18n/useI18n';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useDeepDifficulty } from './monitoringQueries';
import { useMt } from './text';
import { deepGroupText, householdsLink } from './thresholds';

interface Area {
  key: string;
  name: string;
  /** The region the counts and links are narrowed to; undefined = the user's whole scope. */
  regionCode: string | undefined;
}

interface Row extends Area {
  groups: DeepDifficultyGroupSummary[] | undefined;
}

interface DeepDifficultyCardProps {
  /** The whole scope first, then each town (when the user sees more than one). */
  areas: readonly Area[];
  linkable: boolean;
  /** The region links narrow to when the whole-scope row has none (a village cadre's village). */
  ownRegion: string | null;
}

/** R12 深度困难群体: households and people per group and area, and those still without a targeted measure. */
export function DeepDifficultyCard({ areas, linkable, ownRegion }: DeepDifficultyCardProps) {
  const { lt } = useI18n();
  const mt = useMt();
  const results = useDeepDifficulty(areas.map((a) => a.regionCode));
  const rows: Row[] = areas.map((a, i) => ({ ...a, groups: results[i]?.data }));
  const error = results.find((r) => r.error)?.error;

  const link = (row: Row, content: ReactNode, group: string, withoutMeasure: boolean) =>
    linkable ? (
      <Link
        to={householdsLink({
          deepGroup: group,
          withoutMeasure,
          regionCode: row.regionCode ?? ownRegion ?? undefined,
        })}
      >
        {content}
      </Link>
    ) : (
      content
    );

  const columns: ResponsiveColumn<Row>[] = [
    { key: 'area', title: mt('mon.town'), render: (r) => r.name, hideInCard: true, width: 120 },
    ...DEEP_GROUPS.map((group): ResponsiveColumn<Row> => ({
      key: group,
      title: lt(deepGroupText(group)),
      render: (r) => {
        const g = r.groups?.find((x) => x.group === group);
        if (!g) return '…';
        return (
          <Flex vertical gap={2}>
            <span>
              {link(r, mt('mon.deepHouseholds', { n: g.households }), group, false)}
              <Typography.Text type="secondary"> · {mt('mon.deepMembers', { n: g.members })}</Typography.Text>
            </span>
            {g.withoutMeasure > 0 ? (
              <Typography.Text type="danger">
                {link(r, mt('mon.withoutMeasure', { n: g.withoutMeasure }), group, true)}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{mt('mon.withoutMeasure', { n: 0 })}</Typography.Text>
            )}
          </Flex>
        );
      },
    })),
  ];

  return (
    <Card title={mt('mon.deep')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{mt('mon.deepDescription')}</Typography.Paragraph>
      {error ? <QueryError error={error} /> : null}
      <ResponsiveTable<Row>
        ariaLabel={mt('mon.deep')}
        columns={columns}
        data={rows}
        rowKey={(r) => r.key}
        loading={results.some((r) => r.isPending)}
        cardTitle={(r) => r.name}
        scrollX={720}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {mt('mon.deepNote')}
      </Typography.Paragraph>
    </Card>
  );
}
