import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { diffRows, type DiffRow } from './diffRows';
import { useIsNarrow } from './useIsNarrow';

interface JsonDiffProps {
  before: unknown;
  after: unknown;
  labels: { field: ReactNode; before: ReactNode; after: ReactNode; empty: ReactNode };
}

function Value({ value, tone }: { value: unknown; tone?: 'danger' | 'success' }) {
  if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1);
  return (
    <Typography.Text
      type={tone}
      code={typeof value !== 'string'}
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
    >
      {text}
    </Typography.Text>
  );
}

/** Before/after of a change as a field table; changed fields first and marked. */
export function JsonDiff({ before, after, labels }: JsonDiffProps) {
  const narrow = useIsNarrow();
  const rows = diffRows(before, after).sort((x, y) => Number(y.changed) - Number(x.changed));
  if (!rows.length) return <Typography.Text type="secondary">{labels.empty}</Typography.Text>;
  return (
    <Table<DiffRow>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={rows}
      scroll={narrow ? undefined : { x: 480 }}
      columns={[
        {
          key: 'field',
          title: labels.field,
          width: narrow ? 96 : 140,
          render: (_v, row) =>
            row.changed ? <Typography.Text strong>{row.field}</Typography.Text> : row.field,
        },
        {
          key: 'before',
          title: labels.before,
          render: (_v, row) => <Value value={row.before} tone={row.changed ? 'danger' : undefined} />,
        },
        {
          key: 'after',
          title: labels.after,
          render: (_v, row) => <Value value={row.after} tone={row.changed ? 'success' : undefined} />,
        },
      ]}
    />
  );
}
