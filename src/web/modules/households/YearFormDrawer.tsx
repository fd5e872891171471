import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Divider, Flex, Form, InputNumber, Select, Typography } from 'antd';
import type { HouseholdYear } from '../../../core/households/households.schemas';
import { HOUSING_GRADES } from '../../../core/monitoring/facts';
import type { YearConfig } from '../../../core/monitoring/config';
import { putHouseholdYear } from '../../api/households';
import { useI18n } from '../../i18n/useI18n';
import { householdChangedKeys, householdsKey } from './householdQueries';
import { formatYuan } from './labels';
import { FormDrawer } from './FormDrawer';
import { useHt, type HhKey } from './text';
import { useSaveForm } from './useSaveForm';
import { buildYearInput, emptyYearValues, previewYear, yearValuesOf, type YearFormValues } from './yearForm';
import { YesNoField } from './YesNoField';
import { issueProblems } from './formProblems';

const FIELD = { style: { flex: 1, minWidth: 150 } } as const;

interface YearFormDrawerProps {
  householdId: number;
  year: number;
  /** The recorded year, or null for a first entry. */
  current: HouseholdYear | null;
  /** Active members (the per-capita divisor). */
  size: number;
  config: YearConfig | null;
  open: boolean;
  onClose: () => void;
}

/**
 * 录入年度收支: income components, rigid expenditure, housing grade, water and food/clothing facts.
 * The per-capita figure against the monitoring line shows while typing; after saving, the server's
 * assessment and flags (with their explanations) replace the page's.
 */
export function YearFormDrawer({
  householdId,
  year,
  current,
  size,
  config,
  open,
  onClose,
}: YearFormDrawerProps) {
  const ht = useHt();
  const { lang } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<YearFormValues>();
  const save = useSaveForm(form);
  const values = Form.useWatch([], form) as YearFormValues | undefined;
  const preview = values?.econ ? previewYear(values, size, config) : null;

  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof putHouseholdYear>[2]) => putHouseholdYear(householdId, year, body),
    onSuccess: async (result) => {
      queryClient.setQueryData([...householdsKey, householdId, 'year', year], result);
      await save.done(ht('hh.yearSaved'), householdChangedKeys(householdId));
      onClose();
    },
    onError: save.fail,
  });
  const handleSave = () => {
    save.clear();
    const r = buildYearInput(form.getFieldsValue(true) as YearFormValues);
    if (!r.ok) return save.refuse(issueProblems(r.issues));
    mutation.mutate(r.body);
  };

  const money = (name: (string | number)[], key: HhKey) => (
    <Form.Item name={name} label={ht(key)} {...FIELD}>
      <InputNumber min={0} precision={2} style={{ width: '100%' }} inputMode="decimal" placeholder="0" />
    </Form.Item>
  );
  // The hint goes under the divider: divider titles do not wrap on a phone.
  const section = (key: HhKey, extra?: string) => (
    <>
      <Divider titlePlacement="start" plain style={{ margin: extra ? '4px 0 0' : '4px 0 12px' }}>
        {ht(key)}
      </Divider>
      {extra ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 8px' }}>
          {extra}
        </Typography.Paragraph>
      ) : null}
    </>
  );

  return (
    <FormDrawer
      open={open}
      title={ht('hh.yearTitle', { year })}
      onClose={onClose}
      onSave={handleSave}
      saving={mutation.isPending}
      unplaced={save.unplaced}
    >
      <Form<YearFormValues>
        form={form}
        layout="vertical"
        initialValues={current ? yearValuesOf(current) : emptyYearValues()}
        scrollToFirstError
        clearOnDestroy
      >
        {section('hh.incomeSection', ht('hh.blankIsZero'))}
        <Flex gap={12} wrap>
          {money(['econ', 'wages'], 'hh.wages')}
          {money(['econ', 'netBusinessIncome'], 'hh.netBusinessIncome')}
        </Flex>
        <Flex gap={12} wrap>
          {money(['econ', 'propertyIncome'], 'hh.propertyIncome')}
          {money(['econ', 'transferIncome'], 'hh.transferIncome')}
        </Flex>
        <Flex gap={12} wrap>
          {money(['econ', 'businessCosts'], 'hh.businessCosts')}
          <div style={{ flex: 1, minWidth: 150 }} />
        </Flex>
        {preview && preview.perCapita !== null ? (
          <Alert
            role="status"
            style={{ marginBottom: 16 }}
            type={preview.belowLine ? 'warning' : 'info'}
            showIcon
            title={
              ht('hh.preview', { n: formatYuan(preview.perCapita), size }) +
              (preview.monitoringLine !== null
                ? `${lang === 'zh' ? '，' : ', '}${ht(preview.belowLine ? 'hh.belowLine' : 'hh.aboveLine', {
                    year,
                    line: formatYuan(preview.monitoringLine),
                  })}`
                : '')
            }
            description={config ? undefined : ht('hh.noConfig', { year })}
          />
        ) : null}

        {section('hh.rigidSection', ht('hh.blankIsZero'))}
        <Flex gap={12} wrap>
          {money(['econ', 'rigidExpenditure', 'medical'], 'hh.rigidMedical')}
          {money(['econ', 'rigidExpenditure', 'education'], 'hh.rigidEducation')}
        </Flex>
        <Flex gap={12} wrap>
          {money(['econ', 'rigidExpenditure', 'disaster'], 'hh.rigidDisaster')}
          {money(['econ', 'rigidExpenditure', 'other'], 'hh.rigidOther')}
        </Flex>

        {section('hh.housingSection')}
        <Form.Item name={['housing', 'grade']} label={ht('hh.housingGrade')}>
          <Select
            allowClear
            placeholder={ht('hh.gradeUnknown')}
            options={HOUSING_GRADES.map((g) => ({ value: g, label: `${g}` }))}
            style={{ maxWidth: 200 }}
          />
        </Form.Item>

        {section('hh.waterSection')}
        <Flex gap={12} wrap>
          <Form.Item name={['water', 'litresPerPersonDay']} label={ht('hh.litres')} {...FIELD}>
            <InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
          <Form.Item name={['water', 'fetchMinutes']} label={ht('hh.fetchMinutes')} {...FIELD}>
            <InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap align="flex-end">
          <Form.Item name={['water', 'supplyCutDaysPerYear']} label={ht('hh.supplyCut')} {...FIELD}>
            <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name={['water', 'waterShortArea']} valuePropName="checked" {...FIELD}>
            <Checkbox>{ht('hh.waterShortArea')}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.Item name={['water', 'qualityOk']} label={ht('hh.qualityOk')}>
          <YesNoField />
        </Form.Item>

        {section('hh.foodSection')}
        <Form.Item name={['foodClothing', 'enoughStapleFood']} label={ht('hh.enoughStapleFood')}>
          <YesNoField />
        </Form.Item>
        <Form.Item name={['foodClothing', 'meatAtLeastMonthly']} label={ht('hh.meatMonthly')}>
          <YesNoField />
        </Form.Item>
        <Form.Item name={['foodClothing', 'seasonalClothing']} label={ht('hh.seasonalClothing')}>
          <YesNoField />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
