import { AutoComplete, Button, DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditFilter } from '../../api/audit';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './auditLabels';

interface AuditFiltersProps {
  onApply: (filter: AuditFilter) => void;
}

interface Draft {
  entity?: string;
  entityId: string;
  action: string;
  actor: string;
  from: Dayjs | null;
  to: Dayjs | null;
}

const EMPTY: Draft = { entityId: '', action: '', actor: '', from: null, to: null };

/** Filters are edited as a draft and applied with 搜索, so typing does not fire a query per key. */
export function AuditFilters({ onApply }: AuditFiltersProps) {
  const { t, lt } = useI18n();
  const narrow = useIsNarrow();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const handleApply = () =>
    onApply({
      entity: draft.entity || undefined,
      entityId: draft.entityId.trim() || undefined,
      action: draft.action.trim() || undefined,
      actor: draft.actor.trim() || undefined,
      from: draft.from?.format('YYYY-MM-DD'),
      to: draft.to?.format('YYYY-MM-DD'),
    });
  const handleReset = () => {
    setDraft(EMPTY);
    onApply({});
  };

  const width = narrow ? '100%' : 180;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search">
      <Select
        allowClear
        placeholder={t('audit.entity')}
        aria-label={t('audit.entity')}
        value={draft.entity}
        onChange={(entity?: string) => set({ entity })}
        options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label: lt(label) }))}
        style={{ width }}
      />
      <Input
        allowClear
        placeholder={t('audit.entityId')}
        aria-label={t('audit.entityId')}
        value={draft.entityId}
        onChange={(e) => set({ entityId: e.target.value })}
        style={{ width }}
      />
      <AutoComplete
        allowClear
        placeholder={t('audit.action')}
        aria-label={t('audit.action')}
        value={draft.action}
        onChange={(action: string) => set({ action: action ?? '' })}
        options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
          value,
          label: `${lt(label)}（${value}）`,
        }))}
        showSearch={{
          filterOption: (input, option) =>
            String(option?.label ?? '')
              .toLowerCase()
              .includes(input.toLowerCase()),
        }}
        style={{ width }}
      />
      <Input
        allowClear
        placeholder={t('audit.actor')}
        aria-label={t('audit.actor')}
        value={draft.actor}
        onChange={(e) => set({ actor: e.target.value })}
        style={{ width }}
      />
      <DatePicker
        placeholder={t('audit.from')}
        aria-label={t('audit.from')}
        value={draft.from}
        onChange={(from: Dayjs | null) => set({ from })}
        style={{ width: narrow ? 'calc(50% - 4px)' : 150 }}
      />
      <DatePicker
        placeholder={t('audit.to')}
        aria-label={t('audit.to')}
        value={draft.to}
        onChange={(to: Dayjs | null) => set({ to })}
        style={{ width: narrow ? 'calc(50% - 4px)' : 150 }}
      />
      <Flex gap={8}>
        <Button type="primary" onClick={handleApply}>
          {t('app.search')}
        </Button>
        <Button onClick={handleReset}>{t('app.reset')}</Button>
      </Flex>
    </Flex>
  );
}
