import { useMutation } from '@tanstack/react-query';
import { Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import {
  HOUSEHOLD_ATTRIBUTES,
  POVERTY_EXIT_FLAGS,
  type HouseholdDetail,
} from '../../../core/households/households.schemas';
import { RISK_CAUSES } from '../../../core/monitoring/codes';
import { updateHousehold } from '../../api/households';
import { useI18n } from '../../i18n/useI18n';
import { UnitSelect } from '../units/UnitSelect';
import { FormDrawer } from './FormDrawer';
import { buildHouseholdUpdate, householdValuesOf, type HouseholdFormValues } from './householdForm';
import { householdChangedKeys } from './householdQueries';
import { ATTRIBUTE_TEXT, EXIT_FLAG_TEXT, label } from './labels';
import { useHt } from './text';
import { useSaveForm } from './useSaveForm';

const FIELD = { style: { flex: 1, minWidth: 180 } } as const;

/** 编辑基本情况: address, group, phone, bank, attribute, risks, assistance; only what changed is sent. */
export function HouseholdFormDrawer({
  household,
  open,
  onClose,
}: {
  household: HouseholdDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, lt } = useI18n();
  const ht = useHt();
  const [form] = Form.useForm<HouseholdFormValues>();
  const save = useSaveForm(form);
  const causes = Form.useWatch('riskCauses', form) as string[] | undefined;
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof updateHousehold>[1]) => updateHousehold(household.id, body),
    onSuccess: async () => {
      await save.done(t('app.saved'), householdChangedKeys(household.id));
      onClose();
    },
    onError: save.fail,
  });
  const handleSave = () => {
    save.clear();
    const r = buildHouseholdUpdate(form.getFieldsValue(true) as HouseholdFormValues, household);
    if (!r.ok) return save.refuse(r.problems);
    if (Object.keys(r.body).length === 0) return onClose();
    mutation.mutate(r.body);
  };
  const causeOptions = RISK_CAUSES.map((c) => ({ value: c.code, label: lt(c) }));

  return (
    <FormDrawer
      open={open}
      title={ht('hh.editTitle', { name: household.headName })}
      onClose={onClose}
      onSave={handleSave}
      saving={mutation.isPending}
      unplaced={save.unplaced}
    >
      <Form<HouseholdFormValues>
        form={form}
        layout="vertical"
        initialValues={householdValuesOf(household)}
        scrollToFirstError
        clearOnDestroy
      >
        <Flex gap={12} wrap>
          <Form.Item name="householdNo" label={ht('hh.householdNo')} {...FIELD}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="villageGroup" label={ht('hh.villageGroup')} {...FIELD}>
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
        <Form.Item name="address" label={ht('hh.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={ht('hh.phone')}
          extra={household.phoneMasked ? ht('hh.keepHint', { masked: household.phoneMasked }) : undefined}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="bankName" label={ht('hh.bankName')} {...FIELD}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="bankAccount"
            label={ht('hh.bankAccount')}
            extra={
              household.bankAccountMasked
                ? ht('hh.keepHint', { masked: household.bankAccountMasked })
                : undefined
            }
            {...FIELD}
          >
            <Input maxLength={40} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="attribute" label={ht('hh.attribute')} required {...FIELD}>
            <Select
              options={HOUSEHOLD_ATTRIBUTES.map((a) => ({ value: a, label: label(ATTRIBUTE_TEXT, a, lt) }))}
            />
          </Form.Item>
          <Form.Item name="povertyExitFlag" label={ht('hh.povertyExitFlag')} {...FIELD}>
            <Select
              allowClear
              options={POVERTY_EXIT_FLAGS.map((a) => ({ value: a, label: label(EXIT_FLAG_TEXT, a, lt) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="riskCauses" label={ht('hh.riskCauses')}>
          <Select mode="multiple" maxCount={5} options={causeOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="mainCause" label={ht('hh.mainCause')}>
          <Select
            allowClear
            options={causeOptions.filter((o) => (causes ?? []).includes(o.value))}
            disabled={!causes?.length}
          />
        </Form.Item>
        <Form.Item name="specialHardship" valuePropName="checked">
          <Checkbox>{ht('hh.specialHardship')}</Checkbox>
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="assistUnitId" label={ht('hh.assistUnit')} {...FIELD}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="assistPerson" label={ht('hh.assist')} {...FIELD}>
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="collectedBy" label={ht('hh.collectedBy')} {...FIELD}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="collectedOn" label={ht('hh.collectedOn')} {...FIELD}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
