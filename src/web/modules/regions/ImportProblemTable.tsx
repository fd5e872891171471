import { Table } from 'antd';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import type { ImportProblem } from './importProblems';

/** The located problems of a refused import: row, column, what is wrong. */
export function ImportProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t, lt } = useI18n();
  const narrow = useIsNarrow();
  return (
    <Table<ImportProblem>
      aria-label={t('regions.importErrors')}
      size="small"
      rowKey="key"
      dataSource={problems}
      pagination={problems.length > 20 ? { pageSize: 20, size: 'small' } : false}
      scroll={narrow ? undefined : { x: 420 }}
      columns={[
        {
          key: 'row',
          title: t('regions.importRow'),
          width: narrow ? 44 : 64,
          render: (_v, p) => p.row ?? '—',
        },
        {
          key: 'column',
          title: t('regions.importColumn'),
          width: narrow ? 84 : 110,
          render: (_v, p) => p.column ?? '—',
        },
        { key: 'problem', title: t('regions.importProblem'), render: (_v, p) => lt(p.detail.message) },
      ]}
    />
  );
}
