import { useMutation } from '@tanstack/react-query';
import { DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { DEEP_GROUPS, type HouseholdDetail, type Measure } from '../../../core/households/households.schemas';
import { addMeasure, updateMeasure } from '../../api/households';
import { useI18n } from '../../i18n/useI18n';
import { UnitSelect } from '../units/UnitSelect';
import { FormDrawer } from './FormDrawer';
import { householdChangedKeys } from './householdQueries';
import { DEEP_GROUP_TEXT, MEASURE_TYPE_TEXT, RELATION_TEXT, codeOptions, label } from './labels';
import { buildMeasureInput, measureChanges, type MeasureFormValues } from './measureForm';
import { useHt } from './text';
import { useSaveForm } from './useSaveForm';

const FIELD = { style: { flex: 1, minWidth: 160 } } as const;

function valuesOf(m: Measure | null): MeasureFormValues {
  if (!m) return { startDate: dayjs(), memberId: null, deepGroup: null, unitId: null };
  return {
    type: m.type,
    memberId: m.memberId,
    deepGroup: m.deepGroup as MeasureFormValues['deepGroup'],
    description: m.description,
    unitId: m.unitId,
    responsiblePerson: m.responsiblePerson,
    startDate: dayjs(m.startDate),
    endDate: m.endDate ? dayjs(m.endDate) : null,
    outcome: m.outcome,
  };
}

/** 新增 / 编辑帮扶措施: category, the member or R12 group it targets, responsible unit and person, dates, outcome. */
export function MeasureFormDrawer({
  household,
  measure,
  open,
  onClose,
}: {
  household: HouseholdDetail;
  measure: Measure | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, lt } = useI18n();
  const ht = useHt();
  const [form] = Form.useForm<MeasureFormValues>();
  const save = useSaveForm(form);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof addMeasure>[1]) =>
      measure
        ? updateMeasure(household.id, measure.id, measureChanges(body, measure))
        : addMeasure(household.id, body),
    onSuccess: async () => {
      await save.done(measure ? t('app.saved') : ht('hh.measureAdded'), householdChangedKeys(household.id));
      onClose();
    },
    onError: save.fail,
  });
  const handleSave = () => {
    save.clear();
    const r = buildMeasureInput(form.getFieldsValue(true) as MeasureFormValues);
    if (!r.ok) return save.refuse(r.problems);
    if (measure && Object.keys(measureChanges(r.body, measure)).length === 0) return onClose();
    mutation.mutate(r.body);
  };
  const members = household.members.filter((m) => m.active || m.id === measure?.memberId);

  return (
    <FormDrawer
      open={open}
      title={measure ? ht('hh.editMeasure') : ht('hh.addMeasure')}
      onClose={onClose}
      onSave={handleSave}
      saving={mutation.isPending}
      unplaced={save.unplaced}
    >
      <Form<MeasureFormValues>
        form={form}
        layout="vertical"
        initialValues={valuesOf(measure)}
        scrollToFirstError
        clearOnDestroy
      >
        <Form.Item name="type" label={ht('hh.measureType')} required>
          <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(MEASURE_TYPE_TEXT, lt)} />
        </Form.Item>
        <Form.Item name="description" label={ht('hh.measureDesc')} required>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            placeholder={ht('hh.measureDescHint')}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="memberId" label={ht('hh.measureMember')} {...FIELD}>
            <Select
              allowClear
              placeholder={ht('hh.wholeHousehold')}
              options={members.map((m) => ({
                value: m.id,
                label: `${m.name}（${label(RELATION_TEXT, m.relation, lt)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="deepGroup" label={ht('hh.measureDeepGroup')} {...FIELD}>
            <Select
              allowClear
              options={DEEP_GROUPS.map((g) => ({ value: g, label: lt(DEEP_GROUP_TEXT[g]!) }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="unitId" label={ht('hh.unit')} {...FIELD}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="responsiblePerson" label={ht('hh.responsible')} {...FIELD}>
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="startDate" label={ht('hh.startDate')} required {...FIELD}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endDate" label={ht('hh.endDate')} {...FIELD}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="outcome" label={ht('hh.outcome')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            placeholder={ht('hh.outcomeHint')}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
