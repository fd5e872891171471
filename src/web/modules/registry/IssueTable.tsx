import { Alert, Table } from 'antd';
import type { ImportIssue } from '../../api/registry';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useRt } from './text';

/** The located problems of an import: sheet, row, column, reason (20 a page). */
export function IssueTable({ issues, label }: { issues: ImportIssue[]; label: string }) {
  const { lt } = useI18n();
  const rt = useRt();
  const narrow = useIsNarrow();
  return (
    <Table<ImportIssue>
      aria-label={label}
      size="small"
      rowKey={(i) => `${i.path}:${i.code}`}
      dataSource={issues}
      pagination={issues.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      columns={[
        ...(narrow
          ? []
          : [
              {
                key: 'sheet',
                title: rt('reg.sheet'),
                width: 90,
                render: (_: unknown, i: ImportIssue) => i.sheet,
              },
            ]),
        { key: 'row', title: rt('reg.row'), width: 56, render: (_, i) => i.row },
        {
          key: 'column',
          title: rt('reg.column'),
          width: narrow ? 90 : 130,
          render: (_, i) => i.column || '—',
        },
        { key: 'problem', title: rt('reg.problem'), render: (_, i) => lt(i.message) },
      ]}
    />
  );
}

/** A refused import: how many errors (and that only the first are listed), then the located list. */
export function ImportErrors({ errorCount, errors }: { errorCount: number; errors: ImportIssue[] }) {
  const rt = useRt();
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 8 }}
        message={rt('reg.errors', { count: errorCount })}
        description={errorCount > errors.length ? rt('reg.errorsMore', { shown: errors.length }) : undefined}
      />
      <IssueTable issues={errors} label={rt('reg.problem')} />
    </>
  );
}
