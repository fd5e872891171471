import { Button, Card, Collapse, Flex, Progress, Tag, Typography } from 'antd';
import type { CollapseProps } from 'antd';
import type { IndicatorProgress } from '../../../core/progress/progress.schemas';
import { useI18n } from '../../i18n/useI18n';
import { BreakdownList, type BreakdownRow } from './BreakdownList';
import { quantity, targetText } from './format';
import type { RecordsSelection } from './RecordsDrawer';
import { STATUS_COLORS, STATUS_LABELS, STATUS_TAG } from './status';

interface IndicatorCardProps {
  item: IndicatorProgress;
  onOpenRecords: (selection: RecordsSelection) => void;
}

/**
 * One indicator: its figure (a link to the records behind it), the target, a bar in the status colour,
 * the verdict in words, and for per-town / per-unit indicators each group's verdict.
 */
export function IndicatorCard({ item, onOpenRecords }: IndicatorCardProps) {
  const { t, lt, lang } = useI18n();
  const percent = item.percent ?? 0;
  const perGroup = item.scope !== 'district';
  const groupWord = item.scope === 'town' ? t('progress.towns') : t('progress.units');

  const open = (extra: Partial<RecordsSelection> & { value: number | null }) =>
    onOpenRecords({ indicatorId: item.indicatorId, indicator: item, ...extra });
  const handleOpenTotal = () => open({ value: item.value });

  const groupRows: BreakdownRow[] = item.groups.map((g) => ({
    key: g.key,
    name: g.name,
    value: g.value,
    status: g.status,
    explanation: lt(g.explanation),
  }));
  const unitRows: BreakdownRow[] = item.byUnit.map((u) => ({
    key: String(u.unitId),
    name: u.unitName,
    value: u.value,
  }));
  const townRows: BreakdownRow[] = item.byTown.map((r) => ({
    key: r.townCode,
    name: r.townName,
    value: r.value,
  }));

  const openGroup = (row: BreakdownRow, by: 'town' | 'unit') =>
    open({
      value: row.value,
      groupName: row.name,
      ...(by === 'town' ? { townCode: row.key } : { unitId: Number(row.key) }),
    });

  const sections: CollapseProps['items'] = [];
  if (perGroup && groupRows.length) {
    sections.push({
      key: 'groups',
      label: item.scope === 'town' ? t('progress.byTownVerdict') : t('progress.byUnitVerdict'),
      children: (
        <BreakdownList
          rows={groupRows}
          unit={item.unit}
          onOpen={(row) => openGroup(row, item.scope === 'town' ? 'town' : 'unit')}
        />
      ),
    });
  }
  if (!perGroup && item.byTown.length) {
    sections.push({
      key: 'towns',
      label: t('progress.byTown', { n: item.byTown.length }),
      children: <BreakdownList rows={townRows} unit={item.unit} onOpen={(row) => openGroup(row, 'town')} />,
    });
  }
  if (item.scope !== 'unit' && item.byUnit.length) {
    sections.push({
      key: 'units',
      label: t('progress.byUnit', { n: item.byUnit.length }),
      children: <BreakdownList rows={unitRows} unit={item.unit} onOpen={(row) => openGroup(row, 'unit')} />,
    });
  }

  const deadline = item.deadlineLabel
    ? t('progress.deadlineLabel', { label: item.deadlineLabel, date: item.dueDate })
    : t('progress.deadline', { date: item.dueDate });

  return (
    <Card
      size="small"
      role="group"
      aria-label={item.name}
      style={{ height: '100%' }}
      styles={{ body: { padding: 16 } }}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {item.name}
        </Typography.Text>
        <Tag color={STATUS_TAG[item.status]} style={{ marginInlineEnd: 0, flex: 'none' }}>
          {lt(STATUS_LABELS[item.status])}
        </Tag>
      </Flex>
      <Flex align="baseline" gap={8} wrap style={{ marginTop: 8 }}>
        <Button
          type="link"
          onClick={handleOpenTotal}
          data-testid="indicator-value"
          title={t('progress.openRecords')}
          style={{ padding: 0, height: 'auto', fontSize: 24, fontWeight: 600 }}
        >
          {quantity(item.value, item.unit, lang)}
        </Button>
        <Typography.Text type="secondary">
          {perGroup
            ? t('progress.perGroupTarget', { target: targetText(item, lang), groups: groupWord })
            : t('progress.target', { target: targetText(item, lang) })}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={8}>
        <Progress
          percent={Math.min(100, percent)}
          showInfo={false}
          strokeColor={STATUS_COLORS[item.status]}
          aria-label={t('progress.percentLabel')}
          style={{ flex: 1, margin: 0 }}
        />
        <Typography.Text
          data-testid="indicator-percent"
          style={{ color: STATUS_COLORS[item.status], minWidth: 48, textAlign: 'end' }}
        >
          {item.percent === null ? '—' : `${item.percent}%`}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 13 }}>
        {lt(item.explanation)}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {deadline}
      </Typography.Text>
      {sections.length ? (
        <Collapse ghost size="small" items={sections} style={{ marginTop: 4, marginInline: -12 }} />
      ) : null}
    </Card>
  );
}
