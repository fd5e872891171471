import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import { UnitPlanInputSchema } from '../../../core/plan/unit-plan.schemas';
import { errorMessage } from '../../api/ApiError';
import { putUnitPlan, type UnitPlanDetail } from '../../api/ledgers';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems, setFieldProblems, type IssueLike } from '../../ui/formErrors';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { usePlan, usePlans } from '../plans/planQueries';
import { ledgersKey } from './ledgerQueries';

interface Values {
  responsiblePerson: string;
  responsibleTitle: string | null;
  contactPerson: string | null;
  focus: string | null;
  measures: { text?: string }[];
  targets: { text?: string; value?: number | null; unit?: string | null; indicatorId?: number | null }[];
  plannedMoneyYuan: number | null;
  plannedMaterials: string | null;
  plannedIncomeIncreaseYuan: number | null;
}

interface UnitPlanDrawerProps {
  open: boolean;
  unitId: number;
  unitName: string;
  year: number;
  plan: UnitPlanDetail | null;
  onClose: () => void;
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Where a problem path of the plan body goes in this form (measures are objects here, strings in the API). */
function fieldFor(name: (string | number)[]): (string | number)[] | null {
  if (name[0] === 'measures' && typeof name[1] === 'number') return ['measures', name[1], 'text'];
  if (name[0] === 'targets' && typeof name[1] === 'number')
    return ['targets', name[1], String(name[2] ?? 'text')];
  return name.length ? [name[0]!] : null;
}

/**
 * 填写 / 修改帮扶计划 (R2): who is responsible (the unit's top leader, R13), the focus, measures, annual
 * targets (each may count towards an indicator of the year's plan) and the planned inputs.
 */
export function UnitPlanDrawer({ open, unitId, unitName, year, plan, onClose }: UnitPlanDrawerProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const plans = usePlans();
  const yearPlan = (plans.data ?? []).find((p) => p.year === year);
  const planDetail = usePlan(yearPlan?.id ?? null);
  const indicatorOptions = (
    planDetail.data
      ? [
          ...planDetail.data.sections.flatMap((s) => s.clauses.flatMap((c) => c.indicators)),
          ...planDetail.data.otherIndicators,
        ]
      : []
  ).map((i) => ({ value: i.id, label: i.name }));

  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof putUnitPlan>[2]) => putUnitPlan(unitId, year, input),
    onSuccess: async () => {
      void message.success(t('app.saved'));
      await queryClient.invalidateQueries({ queryKey: ledgersKey });
      onClose();
    },
    onError: (error) => {
      setFieldProblems(form, apiErrorProblems(error, lang), fieldFor);
      void message.error(errorMessage(error, lang));
    },
  });

  const handleSubmit = () => {
    const v = form.getFieldsValue(true) as Values;
    const body = {
      responsiblePerson: v.responsiblePerson ?? '',
      responsibleTitle: blankToNull(v.responsibleTitle),
      contactPerson: blankToNull(v.contactPerson),
      focus: blankToNull(v.focus),
      measures: (v.measures ?? []).map((m) => m.text?.trim() ?? '').filter(Boolean),
      targets: (v.targets ?? [])
        .filter((x) => x.text?.trim() || x.value != null)
        .map((x) => ({
          text: x.text?.trim() ?? '',
          value: x.value ?? null,
          unit: blankToNull(x.unit),
          indicatorId: x.indicatorId ?? null,
        })),
      plannedMoneyYuan: v.plannedMoneyYuan ?? null,
      plannedMaterials: blankToNull(v.plannedMaterials),
      plannedIncomeIncreaseYuan: v.plannedIncomeIncreaseYuan ?? null,
    };
    const parsed = UnitPlanInputSchema.safeParse(body);
    if (!parsed.success) {
      setFieldProblems(form, issuesToProblems(parsed.error.issues as unknown as IssueLike[], lang), fieldFor);
      return;
    }
    mutation.mutate(parsed.data);
  };

  return (
    <Drawer
      open={open}
      title={t('ledgers.planEditTitle', { unit: unitName, year })}
      onClose={onClose}
      size={narrow ? '100%' : 640}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="primary" onClick={handleSubmit} loading={mutation.isPending}>
            {t('app.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{
          responsiblePerson: plan?.responsiblePerson ?? '',
          responsibleTitle: plan?.responsibleTitle ?? '',
          contactPerson: plan?.contactPerson ?? '',
          focus: plan?.focus ?? '',
          measures: (plan?.measures ?? []).map((text) => ({ text })),
          targets: (plan?.targets ?? []).map((x) => ({ ...x })),
          plannedMoneyYuan: plan?.plannedMoneyYuan ?? null,
          plannedMaterials: plan?.plannedMaterials ?? '',
          plannedIncomeIncreaseYuan: plan?.plannedIncomeIncreaseYuan ?? null,
        }}
      >
        <Flex gap={12} wrap={narrow}>
          <Form.Item
            name="responsiblePerson"
            label={t('ledgers.responsiblePerson')}
            required
            extra={t('ledgers.responsibleHint')}
            style={{ flex: 1, minWidth: 160 }}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="responsibleTitle"
            label={t('ledgers.responsibleTitle')}
            style={{ flex: 1, minWidth: 160 }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="contactPerson" label={t('ledgers.contactPerson')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="focus" label={t('ledgers.focus')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('ledgers.measures')}
        </Divider>
        <Form.List name="measures">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'text']} style={{ flex: 1 }}>
                    <Input maxLength={1000} placeholder={t('ledgers.measureN', { n: i + 1 })} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('ledgers.remove')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ text: '' })}
                style={{ marginBottom: 16 }}
              >
                {t('ledgers.addMeasure')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('ledgers.targets')}
        </Divider>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex
                  key={field.key}
                  gap={8}
                  align="baseline"
                  wrap={narrow}
                  style={{ marginBottom: narrow ? 12 : 0 }}
                >
                  <Form.Item name={[field.name, 'text']} style={{ flex: 3, minWidth: 180 }}>
                    <Input maxLength={500} placeholder={t('ledgers.targetText')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} style={{ width: 100 }}>
                    <InputNumber min={0} placeholder={t('ledgers.targetValue')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} style={{ width: 70 }}>
                    <Input maxLength={8} placeholder={t('plans.unit')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'indicatorId']} style={{ flex: 2, minWidth: 160 }}>
                    <Select
                      allowClear
                      placeholder={t('ledgers.countsFor')}
                      options={indicatorOptions}
                      popupMatchSelectWidth={false}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('ledgers.remove')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ text: '' })}
                style={{ marginBottom: 16 }}
              >
                {t('ledgers.addTarget')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('ledgers.inputs')}
        </Divider>
        <Flex gap={12} wrap={narrow}>
          <Form.Item
            name="plannedMoneyYuan"
            label={t('ledgers.plannedMoney')}
            style={{ flex: 1, minWidth: 160 }}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="plannedIncomeIncreaseYuan"
            label={t('ledgers.plannedIncome')}
            style={{ flex: 1, minWidth: 160 }}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="plannedMaterials" label={t('ledgers.plannedMaterials')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
