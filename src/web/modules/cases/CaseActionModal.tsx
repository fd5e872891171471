import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseAction } from '../../../core/households/case-machine';
import { CASE_ACTION_LABELS } from '../../../core/households/case-machine';
import type { CaseActionInput, CaseDetail } from '../../../core/households/cases.schemas';
import { errorMessage } from '../../api/ApiError';
import { actOnCase } from '../../api/cases';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { useHt } from '../households/text';

/** Actions whose reasons are required (the machine refuses them without). */
export const NEEDS_REASONS: readonly CaseAction[] = ['return', 'reject', 'town_reject'];

interface Values {
  note?: string;
  date?: Dayjs;
  findings?: string;
  monthlyIncome?: { month?: Dayjs; amount?: number }[];
  rigidResolved?: boolean;
  participants?: number;
  result?: string;
  objections?: string;
}

function toInput(action: CaseAction, v: Values, exit: boolean): CaseActionInput {
  const input: CaseActionInput = { action, note: v.note?.trim() ? v.note.trim() : null };
  if (action === 'complete_home_check') {
    input.homeCheck = {
      date: (v.date ?? dayjs()).format('YYYY-MM-DD'),
      findings: v.findings ?? '',
      ...(exit
        ? {
            monthlyIncome: (v.monthlyIncome ?? [])
              .filter((m) => m.month && m.amount !== undefined)
              .map((m) => ({ month: m.month!.format('YYYY-MM'), perCapitaAnnualised: m.amount! })),
            rigidResolved: !!v.rigidResolved,
          }
        : {}),
    };
  }
  if (action === 'record_appraisal') {
    input.appraisal = {
      date: (v.date ?? dayjs()).format('YYYY-MM-DD'),
      participants: v.participants ?? 1,
      result: v.result ?? '',
    };
  }
  if (action === 'close_notice') input.objections = v.objections?.trim() ? v.objections.trim() : null;
  return input;
}

interface CaseActionModalProps {
  item: CaseDetail;
  action: CaseAction | null;
  onClose: () => void;
}

/** One step of the procedure: the findings the action needs, reasons where required, then submit. */
export function CaseActionModal({ item, action, onClose }: CaseActionModalProps) {
  const { lt, lang } = useI18n();
  const ht = useHt();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const exit = item.kind === 'exit';

  const mutation = useMutation({
    mutationFn: (values: Values) => actOnCase(item.id, toInput(action!, values, exit)),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['cases', item.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      message.success(ht('case.done', { action: lt(CASE_ACTION_LABELS[action!]) }));
      onClose();
    },
    onError: (error) => {
      // Reasons land on their field; refusals of the step itself (notice too short…) show as a message.
      applyFieldErrors(form, error, lang, ['note', 'objections']);
      message.error(errorMessage(error, lang));
    },
  });

  const handleOk = () => {
    form.validateFields().then(
      (values) => mutation.mutate(values),
      () => undefined,
    );
  };
  if (!action) return null;
  const reasons = NEEDS_REASONS.includes(action);
  const title = lt(CASE_ACTION_LABELS[action]);

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={handleOk}
      okText={ht('case.submit')}
      okButtonProps={{ danger: reasons || action === 'withdraw' }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs(), participants: 7 }}>
        {action === 'complete_home_check' ? (
          <>
            <Form.Item name="date" label={ht('case.date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="findings"
              label={ht('case.findings')}
              rules={[{ required: true, min: 2, whitespace: true }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {exit ? (
              <>
                <Form.List name="monthlyIncome" initialValue={[{}, {}, {}, {}, {}, {}]}>
                  {(fields, { add, remove }) => (
                    <Form.Item label={ht('case.monthlyIncome')}>
                      <Flex vertical gap={8}>
                        {fields.map((field) => (
                          <Flex key={field.key} gap={8} align="center">
                            <Form.Item name={[field.name, 'month']} noStyle>
                              <DatePicker picker="month" placeholder={ht('case.month')} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'amount']} noStyle>
                              <InputNumber min={0} style={{ width: 140 }} />
                            </Form.Item>
                            <MinusCircleOutlined onClick={() => remove(field.name)} />
                          </Flex>
                        ))}
                        <Button icon={<PlusOutlined />} onClick={() => add({})}>
                          {ht('case.addMonth')}
                        </Button>
                      </Flex>
                    </Form.Item>
                  )}
                </Form.List>
                <Form.Item name="rigidResolved" valuePropName="checked">
                  <Checkbox>{ht('case.rigidResolved')}</Checkbox>
                </Form.Item>
              </>
            ) : null}
          </>
        ) : null}
        {action === 'record_appraisal' ? (
          <>
            <Form.Item name="date" label={ht('case.date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="participants" label={ht('case.participants')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="result"
              label={ht('case.result')}
              rules={[{ required: true, min: 2, whitespace: true }]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {action === 'close_notice' ? (
          <Form.Item name="objections" label={ht('case.objections')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={reasons ? ht('case.reasons') : ht('case.note')}
          rules={reasons ? [{ required: true, whitespace: true, message: ht('case.reasonsRequired') }] : []}
        >
          <Input.TextArea rows={reasons ? 3 : 2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
