import { DeleteOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import type { DraftProblem, DraftRow } from './draft';
import { measurementText } from './measurementText';
import { ScopeSelect, TargetInputs } from './TargetInputs';

interface DraftTableProps {
  rows: readonly DraftRow[];
  problems: readonly DraftProblem[];
  onChange: (key: string, change: Partial<DraftRow>) => void;
  onRemove: (key: string) => void;
  onSettings: (row: DraftRow) => void;
}

/**
 * The extracted targets, editable in place: name, target, scope; deadline and measurement open the
 * settings dialog. Problems from the schema or the server show on the row and field they concern.
 */
export function DraftTable({ rows, problems, onChange, onRemove, onSettings }: DraftTableProps) {
  const { t, lt } = useI18n();
  const problemsOf = (row: DraftRow) => problems.filter((p) => p.rowKey === row.key);
  const fieldsWithProblems = (row: DraftRow) => new Set(problemsOf(row).map((p) => p.field));
  const messages = (row: DraftRow, fields: string[]): ReactNode => {
    const list = problemsOf(row).filter((p) => fields.includes(p.field));
    return list.length ? (
      <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
        {list.map((p) => p.message).join('；')}
      </Typography.Text>
    ) : null;
  };

  const columns: ResponsiveColumn<DraftRow>[] = [
    {
      key: 'clause',
      title: t('plans.clause'),
      width: 80,
      hideInCard: true,
      render: (r) => (
        <Tooltip title={r.sourceText}>
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>{r.clauseRef}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'name',
      title: t('plans.indicatorName'),
      width: 210,
      render: (r) => (
        <>
          <Input.TextArea
            value={r.name}
            onChange={(e) => onChange(r.key, { name: e.target.value })}
            status={fieldsWithProblems(r).has('name') ? 'error' : undefined}
            aria-label={t('plans.indicatorName')}
            maxLength={200}
            autoSize={{ minRows: 1, maxRows: 3 }}
          />
          {messages(r, ['name'])}
        </>
      ),
    },
    {
      key: 'target',
      title: t('plans.targetAndDeadline'),
      width: 310,
      render: (r) => (
        <>
          <TargetInputs
            value={{ comparison: r.comparison, value: r.value, valueMax: r.valueMax, unit: r.unit }}
            onChange={(v) => onChange(r.key, v)}
            errors={fieldsWithProblems(r)}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {t('plans.readAs', { text: r.quantityText })} · {t('plans.deadline')}：
            <Typography.Link onClick={() => onSettings(r)} style={{ fontSize: 12 }}>
              {r.deadline?.label ?? t('plans.deadline.none')}
            </Typography.Link>
          </Typography.Text>
          {messages(r, ['comparison', 'value', 'valueMax', 'unit', 'deadline'])}
        </>
      ),
    },
    {
      key: 'scope',
      title: t('plans.scope'),
      width: 120,
      render: (r) => (
        <>
          <ScopeSelect
            value={r.scope}
            onChange={(scope) => onChange(r.key, { scope })}
            status={fieldsWithProblems(r).has('scope') ? 'error' : undefined}
          />
          {messages(r, ['scope'])}
        </>
      ),
    },
    {
      key: 'measurement',
      title: t('plans.measurement'),
      render: (r) => (
        <>
          <Typography.Link onClick={() => onSettings(r)}>
            {measurementText(r.measurement, lt)}
          </Typography.Link>
          {messages(r, ['measurement'])}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('app.actions'),
      width: 80,
      hideInCard: true,
      fixed: 'right',
      render: (r) => (
        <Flex gap={0}>
          <Button
            type="text"
            size="small"
            icon={<SettingOutlined />}
            aria-label={t('plans.settings')}
            onClick={() => onSettings(r)}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('plans.removeRow')}
            onClick={() => onRemove(r.key)}
          />
        </Flex>
      ),
    },
  ];

  return (
    <ResponsiveTable<DraftRow>
      ariaLabel={t('plans.draftTable')}
      columns={columns}
      data={rows}
      rowKey={(r) => r.key}
      scrollX={1060}
      emptyText={t('plans.noTargets')}
      expandedRender={(r) => (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
          {t('plans.source')}：{r.sourceText}
        </Typography.Paragraph>
      )}
      expandLabel={t('plans.source')}
      cardTitle={(r) => (
        <span>
          {t('plans.clause')} {r.clauseRef}
        </span>
      )}
      cardActions={(r) => (
        <>
          <Button size="small" type="link" icon={<SettingOutlined />} onClick={() => onSettings(r)}>
            {t('plans.settings')}
          </Button>
          <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => onRemove(r.key)}>
            {t('plans.removeRow')}
          </Button>
        </>
      )}
    />
  );
}
