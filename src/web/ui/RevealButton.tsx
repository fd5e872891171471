import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/ApiError';
import { useI18n } from '../i18n/useI18n';

export interface RevealButtonText {
  /** The button and the dialog title, e.g. 查看完整身份证号. */
  button: string;
  /** Why the purpose is asked (the view is logged). */
  hint: string;
  purpose: string;
  purposeRule: string;
  confirm: string;
  /** Shown when the record holds no value. */
  empty?: string;
}

interface RevealButtonProps {
  text: RevealButtonText;
  /** Asks the server for the value with the purpose; the server logs the view. */
  reveal: (purpose: string) => Promise<string | null>;
  /** Only the eye icon (in a table cell), its name kept for screen readers and a tooltip. */
  iconOnly?: boolean;
}

/**
 * Shows one masked value in full (ID number, phone) to a role allowed to see it: asks why, the server
 * logs the view with the purpose, and the value appears only inside this dialog.
 */
export function RevealButton({ text, reveal, iconOnly }: RevealButtonProps) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ purpose: string }>();
  const mutation = useMutation({ mutationFn: (purpose: string) => reveal(purpose) });
  const shown = mutation.isSuccess;
  const handleOpen = () => setOpen(true);
  const handleClose = () => {
    setOpen(false);
    mutation.reset();
    form.resetFields();
  };
  const handleFinish = (values: { purpose: string }) => mutation.mutate(values.purpose.trim());

  return (
    <>
      {iconOnly ? (
        <Tooltip title={text.button}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            onClick={handleOpen}
            aria-label={text.button}
          />
        </Tooltip>
      ) : (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={handleOpen}>
          {text.button}
        </Button>
      )}
      <Modal
        open={open}
        title={text.button}
        onCancel={handleClose}
        onOk={shown ? handleClose : () => form.submit()}
        okText={shown ? t('app.close') : text.confirm}
        cancelButtonProps={shown ? { style: { display: 'none' } } : undefined}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        {shown ? (
          <Typography.Paragraph copyable={!!mutation.data} style={{ fontSize: 18, margin: '12px 0' }}>
            {mutation.data ?? text.empty ?? '—'}
          </Typography.Paragraph>
        ) : (
          <Form form={form} layout="vertical" onFinish={handleFinish}>
            <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
            <Form.Item
              name="purpose"
              label={text.purpose}
              rules={[{ required: true, whitespace: true, min: 2, max: 200, message: text.purposeRule }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        )}
        {mutation.error ? <Alert type="error" showIcon title={errorMessage(mutation.error, lang)} /> : null}
      </Modal>
    </>
  );
}
