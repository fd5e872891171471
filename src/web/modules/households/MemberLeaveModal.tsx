import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { Member } from '../../../core/households/households.schemas';
import { memberLeaves } from '../../api/households';
import { householdChangedKeys } from './householdQueries';
import { useHt } from './text';
import { useSaveForm } from './useSaveForm';

/** 成员移出: the member is kept and marked as left with the reason (moved, married out, died). */
export function MemberLeaveModal({
  householdId,
  member,
  onClose,
}: {
  householdId: number;
  member: Member | null;
  onClose: () => void;
}) {
  const ht = useHt();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useSaveForm(form, (name) => (name[0] === 'reason' ? ['reason'] : null));
  const mutation = useMutation({
    mutationFn: (reason: string) => memberLeaves(householdId, member!.id, reason),
    onSuccess: async () => {
      await save.done(ht('hh.leftDone'), householdChangedKeys(householdId));
      onClose();
    },
    onError: save.fail,
  });
  const handleFinish = (values: { reason: string }) => {
    save.clear();
    mutation.mutate(values.reason.trim());
  };
  return (
    <Modal
      open={member !== null}
      title={member ? ht('hh.leaveTitle', { name: member.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={ht('hh.leave')}
      okButtonProps={{ danger: true }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{ht('hh.leaveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="reason"
          label={ht('hh.leaveReason')}
          rules={[{ required: true, whitespace: true, max: 200, message: ht('hh.leaveReasonRule') }]}
        >
          <Input maxLength={200} placeholder={ht('hh.leaveReasonHint')} />
        </Form.Item>
      </Form>
      {save.unplaced.length ? <Alert type="error" showIcon title={save.unplaced.join('；')} /> : null}
    </Modal>
  );
}
