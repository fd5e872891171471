import { Card, Empty, Flex, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useIsNarrow } from './useIsNarrow';

export interface ResponsiveColumn<T> {
  key: string;
  title: ReactNode;
  render: (record: T) => ReactNode;
  width?: number;
  /** Not shown as a line on phone cards (e.g. it is already the card title). */
  hideInCard?: boolean;
  fixed?: 'left' | 'right';
}

interface ResponsiveTableProps<T> {
  columns: ResponsiveColumn<T>[];
  data: readonly T[];
  rowKey: (record: T) => string | number;
  loading?: boolean;
  emptyText?: ReactNode;
  /** Title line of a phone card. */
  cardTitle?: (record: T) => ReactNode;
  /** Buttons at the bottom of a phone card (on wide screens put them in a column instead). */
  cardActions?: (record: T) => ReactNode;
  /** Extra content under a row (a table row expands; a card shows a toggle). */
  expandedRender?: (record: T) => ReactNode;
  /** Which rows have something to expand (default: all). */
  canExpand?: (record: T) => boolean;
  expandLabel?: ReactNode;
  /** Minimum table width before it scrolls horizontally. */
  scrollX?: number;
  /** Accessible name of the table (also used by end-to-end tests). */
  ariaLabel?: string;
}

function CardExpander({ label, children }: { label: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const handleToggle = () => setOpen((v) => !v);
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Link onClick={handleToggle}>
        {open ? '▾' : '▸'} {label}
      </Typography.Link>
      {open ? <div style={{ marginTop: 8, overflowX: 'auto' }}>{children}</div> : null}
    </div>
  );
}

/**
 * A table on wide screens and a stack of cards on phones, from one column list: at 360 px a
 * seven-column table is unreadable even when it scrolls.
 */
export function ResponsiveTable<T extends object>({
  columns,
  data,
  rowKey,
  loading,
  emptyText,
  cardTitle,
  cardActions,
  expandedRender,
  canExpand,
  expandLabel,
  scrollX,
  ariaLabel,
}: ResponsiveTableProps<T>) {
  const narrow = useIsNarrow();

  if (narrow) {
    if (!data.length) {
      return loading ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : (
        <Empty description={emptyText} />
      );
    }
    return (
      <Flex vertical gap={12} role="list" aria-label={ariaLabel}>
        {data.map((record) => (
          <Card
            key={rowKey(record)}
            size="small"
            role="listitem"
            title={cardTitle ? cardTitle(record) : undefined}
            actions={
              cardActions
                ? [
                    <Flex key="actions" justify="flex-end" wrap gap={4} style={{ padding: '0 12px' }}>
                      {cardActions(record)}
                    </Flex>,
                  ]
                : undefined
            }
          >
            <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}>
              {columns
                .filter((c) => !c.hideInCard)
                .map((c) => (
                  <div key={c.key} style={{ display: 'contents' }}>
                    <dt style={{ color: 'rgba(0,0,0,0.55)', whiteSpace: 'nowrap' }}>{c.title}</dt>
                    <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{c.render(record)}</dd>
                  </div>
                ))}
            </dl>
            {expandedRender && (!canExpand || canExpand(record)) ? (
              <CardExpander label={expandLabel}>{expandedRender(record)}</CardExpander>
            ) : null}
          </Card>
        ))}
        {loading ? <Spin style={{ display: 'block', margin: '12px auto' }} /> : null}
      </Flex>
    );
  }

  const tableColumns: ColumnsType<T> = columns.map((c) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    fixed: c.fixed,
    render: (_value: unknown, record: T) => c.render(record),
  }));
  return (
    <Table<T>
      aria-label={ariaLabel}
      size="middle"
      columns={tableColumns}
      dataSource={data as T[]}
      rowKey={rowKey}
      loading={loading}
      pagination={false}
      scroll={scrollX ? { x: scrollX } : undefined}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      expandable={
        expandedRender ? { expandedRowRender: expandedRender, rowExpandable: canExpand } : undefined
      }
    />
  );
}
