import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import type { Deadline } from '../../../core/plan/plan.schemas';
import {
  IndicatorCreateSchema,
  type Indicator,
  type IndicatorCreate,
  type IndicatorScope,
  type Plan,
} from '../../../core/plan/plan-model.schemas';
import type { Measurement } from '../../../core/progress/measurement';
import { errorMessage } from '../../api/ApiError';
import { createIndicator, updateIndicator } from '../../api/plans';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems, setFieldProblems, type IssueLike } from '../../ui/formErrors';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { UnitSelect } from '../units/UnitSelect';
import { useUnits } from '../units/unitQueries';
import { DeadlineEditor } from './DeadlineEditor';
import { MeasurementEditor } from './MeasurementEditor';
import { plansKey } from './planQueries';
import { ScopeSelect, TargetInputs, type TargetValue } from './TargetInputs';

interface Values {
  clauseId: number | null;
  name: string;
  target: TargetValue;
  deadline: Deadline | null;
  scope: IndicatorScope;
  leadUnitId: number | null;
  coUnitIds: number[];
  measurement: Measurement;
  sourceText: string | null;
}

interface IndicatorFormDrawerProps {
  open: boolean;
  plan: Plan;
  /** The indicator to edit; null adds one. */
  indicator: Indicator | null;
  onClose: () => void;
}

function TargetField({ value, onChange }: { value?: TargetValue; onChange?: (v: TargetValue) => void }) {
  return value ? <TargetInputs value={value} onChange={(v) => onChange?.(v)} /> : null;
}

/** Where a problem path of the indicator body goes in this form. */
function fieldFor(name: (string | number)[]): (string | number)[] | null {
  const top = String(name[0] ?? '');
  if (['comparison', 'value', 'valueMax', 'unit'].includes(top)) return ['target'];
  if (
    [
      'clauseId',
      'name',
      'deadline',
      'scope',
      'leadUnitId',
      'coUnitIds',
      'measurement',
      'sourceText',
    ].includes(top)
  )
    return [top];
  return null;
}

/** 编辑 / 新增指标 of a saved plan: target, deadline, scope, responsible units and how it is measured. */
export function IndicatorFormDrawer({ open, plan, indicator, onClose }: IndicatorFormDrawerProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [form] = Form.useForm<Values>();

  const mutation = useMutation({
    mutationFn: (body: IndicatorCreate) =>
      indicator ? updateIndicator(indicator.id, body) : createIndicator(plan.id, body),
    onSuccess: async () => {
      void message.success(indicator ? t('app.saved') : t('plans.indicatorAdded'));
      await queryClient.invalidateQueries({ queryKey: plansKey });
      await queryClient.invalidateQueries({ queryKey: ['progress'] });
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
      ...(indicator ? {} : { clauseId: v.clauseId ?? null }),
      name: v.name?.trim() ?? '',
      measurement: v.measurement,
      comparison: v.target.comparison,
      value: v.target.value ?? undefined,
      valueMax: v.target.comparison === 'range' ? (v.target.valueMax ?? undefined) : null,
      unit: v.target.unit,
      deadline: v.deadline,
      scope: v.scope,
      leadUnitId: v.leadUnitId ?? null,
      coUnitIds: v.coUnitIds ?? [],
      sourceText: v.sourceText?.trim() || null,
    };
    const parsed = IndicatorCreateSchema.safeParse(body);
    if (!parsed.success) {
      setFieldProblems(form, issuesToProblems(parsed.error.issues as unknown as IssueLike[], lang), fieldFor);
      return;
    }
    mutation.mutate(parsed.data);
  };

  const clauses = plan.sections.flatMap((s) =>
    s.clauses.map((c) => ({ value: c.id, label: `${c.ref} ${c.title ?? c.text.slice(0, 24)}` })),
  );

  return (
    <Drawer
      open={open}
      title={indicator ? t('plans.editIndicator') : t('plans.addIndicator')}
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
          clauseId: indicator?.clauseId ?? null,
          name: indicator?.name ?? '',
          target: {
            comparison: indicator?.comparison ?? 'gte',
            value: indicator?.value ?? null,
            valueMax: indicator?.valueMax ?? null,
            unit: indicator?.unit ?? '次',
          },
          deadline: indicator?.deadline ?? null,
          scope: indicator?.scope ?? 'district',
          leadUnitId: indicator?.leadUnitId ?? null,
          coUnitIds: indicator?.coUnitIds ?? [],
          measurement: indicator?.measurement ?? {
            kind: 'count',
            recordType: 'training',
            filter: {},
            distinctOn: null,
          },
          sourceText: indicator?.sourceText ?? '',
        }}
      >
        {indicator ? null : (
          <Form.Item name="clauseId" label={t('plans.clause')}>
            <Select
              allowClear
              placeholder={t('plans.noClause')}
              options={clauses}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('plans.indicatorName')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="target" label={t('plans.target')} required>
          <TargetField />
        </Form.Item>
        <Form.Item name="deadline" label={t('plans.deadline')}>
          <DeadlineEditor />
        </Form.Item>
        <Form.Item name="scope" label={t('plans.scope')} extra={t('plans.scopeHint')}>
          <ScopeSelect />
        </Form.Item>
        <Flex gap={12} wrap={narrow}>
          <Form.Item name="leadUnitId" label={t('plans.leadUnit')} style={{ flex: 1, minWidth: 200 }}>
            <UnitSelect placeholder={t('users.pickUnit')} />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('plans.coUnits')} style={{ flex: 1, minWidth: 200 }}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              showSearch={{ optionFilterProp: 'label' }}
              options={(units.data ?? [])
                .filter((u) => u.active)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="measurement" label={t('plans.measurement')}>
          <MeasurementEditor />
        </Form.Item>
        <Form.Item name="sourceText" label={t('plans.source')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
