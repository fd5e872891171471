import { Button, Checkbox, Flex, Input, Select, Tag, TreeSelect } from 'antd';
import type { CheckboxChangeEvent } from 'antd/es/checkbox';
import { useMemo, useState, type ChangeEvent } from 'react';
import { OPEN_STEPS } from '../../../core/households/case-machine';
import { DEEP_GROUPS, MONITORING_STATUSES } from '../../../core/households/households.schemas';
import { MONITORING_TYPES } from '../../../core/monitoring/codes';
import { flagRuleText } from '../../../core/monitoring/rules';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useRegions } from '../regions/regionQueries';
import { regionTreeOptions } from '../regions/regionTreeOptions';
import { EMPTY_FILTER, type HouseholdFilter } from './householdQueries';
import { DEEP_GROUP_TEXT, STATUS_TEXT, STEP_TEXT } from './labels';
import { useHt } from './text';

interface HouseholdFiltersProps {
  value: HouseholdFilter;
  onChange: (filter: HouseholdFilter) => void;
  /** Flags exist only for a year with thresholds. */
  hasYear: boolean;
}

/** Search, region tree and the list's filters; on a phone they stack two to a row. */
export function HouseholdFilters({ value, onChange, hasYear }: HouseholdFiltersProps) {
  const { t, lt } = useI18n();
  const ht = useHt();
  const narrow = useIsNarrow();
  const regions = useRegions('district');
  const [text, setText] = useState(value.q);
  const treeData = useMemo(
    () => regionTreeOptions(regions.data ?? [], (r) => r.level !== 'county'),
    [regions.data],
  );
  const half = narrow ? 'calc(50% - 4px)' : 170;
  const set = (patch: Partial<HouseholdFilter>) => onChange({ ...value, ...patch });

  const handleSearch = (q: string) => set({ q });
  const handleText = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    if (event.target.value === '' && value.q !== '') set({ q: '' });
  };
  const handleWithout = (event: CheckboxChangeEvent) => set({ withoutMeasure: event.target.checked });
  const handleReset = () => {
    setText('');
    onChange(EMPTY_FILTER);
  };
  const dirty = JSON.stringify(value) !== JSON.stringify(EMPTY_FILTER);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
      <Input.Search
        allowClear
        value={text}
        onChange={handleText}
        onSearch={handleSearch}
        placeholder={ht('hh.search')}
        aria-label={ht('hh.search')}
        enterButton={t('app.search')}
        style={{ width: narrow ? '100%' : 340 }}
      />
      <TreeSelect<string>
        allowClear
        showSearch
        treeNodeFilterProp="title"
        value={value.regionCode}
        onChange={(regionCode) => set({ regionCode })}
        treeData={treeData}
        placeholder={ht('hh.allRegions')}
        aria-label={ht('hh.region')}
        loading={regions.isPending}
        style={{ width: narrow ? '100%' : 220 }}
        popupMatchSelectWidth={narrow ? true : 280}
      />
      <Select
        allowClear
        value={value.monitoringStatus}
        onChange={(monitoringStatus) => set({ monitoringStatus })}
        placeholder={ht('hh.status')}
        aria-label={ht('hh.status')}
        style={{ width: half }}
        options={MONITORING_STATUSES.map((s) => ({ value: s, label: lt(STATUS_TEXT[s]!) }))}
      />
      <Select
        allowClear
        value={value.monitoringType}
        onChange={(monitoringType) => set({ monitoringType })}
        placeholder={ht('hh.type')}
        aria-label={ht('hh.type')}
        style={{ width: half }}
        options={MONITORING_TYPES.map((m) => ({ value: m.code, label: lt(m) }))}
      />
      {hasYear ? (
        <Select
          allowClear
          value={value.flagged}
          onChange={(flagged) => set({ flagged })}
          placeholder={ht('hh.flagged')}
          aria-label={ht('hh.flagged')}
          style={{ width: half }}
          options={[
            { value: 'true', label: ht('hh.flaggedYes') },
            { value: 'false', label: ht('hh.flaggedNo') },
          ]}
        />
      ) : null}
      <Select
        allowClear
        value={value.deepGroup}
        onChange={(deepGroup) => set({ deepGroup })}
        placeholder={ht('hh.deepGroup')}
        aria-label={ht('hh.deepGroup')}
        style={{ width: half }}
        options={DEEP_GROUPS.map((g) => ({ value: g, label: lt(DEEP_GROUP_TEXT[g]!) }))}
      />
      <Select
        allowClear
        value={value.caseStep}
        onChange={(caseStep) => set({ caseStep })}
        placeholder={ht('hh.caseStep')}
        aria-label={ht('hh.caseStep')}
        style={{ width: half }}
        options={OPEN_STEPS.map((s) => ({ value: s, label: lt(STEP_TEXT[s]!) }))}
      />
      {value.flagRule ? (
        // Set by a link from the monitoring page's watch list; there is no picker for it here.
        <Tag closable onClose={() => set({ flagRule: undefined })} color="red">
          {ht('hh.flagged')}：{lt(flagRuleText(value.flagRule))}
        </Tag>
      ) : null}
      <Checkbox checked={!!value.withoutMeasure} onChange={handleWithout}>
        {ht('hh.withoutMeasure')}
      </Checkbox>
      {dirty ? (
        <Button type="link" onClick={handleReset}>
          {ht('hh.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
