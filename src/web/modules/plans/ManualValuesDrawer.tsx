import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ManualValueInputSchema, type Indicator } from '../../../core/plan/plan-model.schemas';
import { errorMessage } from '../../api/ApiError';
import { addManualValue } from '../../api/plans';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems, setFieldProblems, type IssueLike } from '../../ui/formErrors';
import { QueryError } from '../../ui/QueryError';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { quantity } from '../progress/format';
import { plansKey, useManualValues } from './planQueries';

interface Values {
  asOf: Dayjs | null;
  value: number | null;
  evidence: string;
  attachments: { name?: string; ref?: string }[];
}

interface ManualValuesDrawerProps {
  indicator: Indicator | null;
  /** The office enters figures; others read them. */
  canAdd: boolean;
  /** Default date of a new figure (within the plan year). */
  defaultDate: string;
  onClose: () => void;
}

/**
 * 手工填报: figures for targets no record type covers (funds, use rates), each with its evidence;
 * the latest figure on or before a date is the indicator's value then.
 */
export function ManualValuesDrawer({ indicator, canAdd, defaultDate, onClose }: ManualValuesDrawerProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const values = useManualValues(indicator?.id ?? null);
  const [form] = Form.useForm<Values>();

  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof addManualValue>[1]) => addManualValue(indicator!.id, input),
    onSuccess: async () => {
      void message.success(t('plans.manualAdded'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: plansKey });
      await queryClient.invalidateQueries({ queryKey: ['progress'] });
    },
    onError: (error) => {
      setFieldProblems(form, apiErrorProblems(error, lang));
      void message.error(errorMessage(error, lang));
    },
  });

  const handleFinish = () => {
    const v = form.getFieldsValue(true) as Values;
    const body = {
      asOf: v.asOf ? v.asOf.format('YYYY-MM-DD') : undefined,
      value: v.value ?? undefined,
      evidence: v.evidence ?? '',
      attachments: (v.attachments ?? [])
        .map((a) => ({ name: a.name?.trim() ?? '', ref: a.ref?.trim() ?? '' }))
        .filter((a) => a.name || a.ref),
    };
    const parsed = ManualValueInputSchema.safeParse(body);
    if (!parsed.success) {
      setFieldProblems(form, issuesToProblems(parsed.error.issues as unknown as IssueLike[], lang), (n) =>
        n[0] === 'attachments' ? (n.length >= 3 ? n.slice(0, 3) : null) : [n[0]!],
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  return (
    <Drawer
      open={indicator !== null}
      onClose={onClose}
      size={narrow ? '100%' : 640}
      destroyOnHidden
      title={indicator ? t('plans.manualTitle', { name: indicator.name }) : null}
    >
      {values.error ? <QueryError error={values.error} onRetry={() => void values.refetch()} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={values.isPending}
        pagination={false}
        dataSource={values.data ?? []}
        aria-label={t('progress.manualValues')}
        scroll={narrow ? { x: 520 } : undefined}
        locale={{ emptyText: t('plans.noManualValues') }}
        columns={[
          { key: 'asOf', title: t('plans.asOf'), dataIndex: 'asOf', width: 110 },
          {
            key: 'value',
            title: t('plans.manualValue'),
            width: 110,
            render: (_v, row) => (indicator ? quantity(row.value, indicator.unit, lang) : row.value),
          },
          {
            key: 'evidence',
            title: t('plans.evidence'),
            render: (_v, row) => (
              <>
                {row.evidence}
                {row.attachments.length ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {row.attachments.map((a) => `${a.name}（${a.ref}）`).join('、')}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {canAdd && indicator ? (
        <Card size="small" title={t('plans.addManual')} style={{ marginTop: 16 }}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={handleFinish}
            clearOnDestroy
            initialValues={{ asOf: dayjs(defaultDate), value: null, evidence: '', attachments: [] }}
          >
            <Flex gap={12} wrap={narrow}>
              <Form.Item name="asOf" label={t('plans.asOf')} required style={{ flex: 1, minWidth: 150 }}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="value"
                label={`${t('plans.manualValue')}（${indicator.unit}）`}
                required
                style={{ flex: 1, minWidth: 150 }}
              >
                <InputNumber style={{ width: '100%' }} min={0} />
              </Form.Item>
            </Flex>
            <Form.Item name="evidence" label={t('plans.evidence')} required extra={t('plans.evidenceHint')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
            <Form.List name="attachments">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} align="baseline">
                      <Form.Item name={[field.name, 'name']} style={{ flex: 1 }}>
                        <Input placeholder={t('activities.evidenceName')} maxLength={200} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'ref']} style={{ flex: 1 }}>
                        <Input placeholder={t('activities.evidenceRef')} maxLength={500} />
                      </Form.Item>
                      <MinusCircleOutlined
                        aria-label={t('activities.removeEvidence')}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', ref: '' })}
                    style={{ marginBottom: 16 }}
                  >
                    {t('activities.addEvidence')}
                  </Button>
                </>
              )}
            </Form.List>
            <Flex justify="flex-end">
              <Button type="primary" htmlType="submit" loading={mutation.isPending}>
                {t('plans.addManual')}
              </Button>
            </Flex>
          </Form>
        </Card>
      ) : null}
    </Drawer>
  );
}
