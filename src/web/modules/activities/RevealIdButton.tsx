import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/ApiError';
import { revealActivityIdNumber } from '../../api/activities';
import { useI18n } from '../../i18n/useI18n';

/**
 * 查看完整身份证号 for the office: asks why (the server logs the view with the purpose) and shows the
 * number only inside this dialog (Privacy: masked unless role and purpose allow; every view logged).
 */
export function RevealIdButton({ activityId }: { activityId: number }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ purpose: string }>();
  const reveal = useMutation({
    mutationFn: (purpose: string) => revealActivityIdNumber(activityId, purpose),
  });
  const handleOpen = () => setOpen(true);
  const handleClose = () => {
    setOpen(false);
    reveal.reset();
    form.resetFields();
  };
  const handleFinish = (values: { purpose: string }) => reveal.mutate(values.purpose.trim());

  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={handleOpen}>
        {t('activities.revealId')}
      </Button>
      <Modal
        open={open}
        title={t('activities.revealId')}
        onCancel={handleClose}
        onOk={reveal.data ? handleClose : () => form.submit()}
        okText={reveal.data ? t('app.close') : t('activities.revealConfirm')}
        cancelButtonProps={reveal.data ? { style: { display: 'none' } } : undefined}
        confirmLoading={reveal.isPending}
        destroyOnHidden
      >
        {reveal.data ? (
          <Typography.Paragraph copyable style={{ fontSize: 18, margin: '12px 0' }}>
            {reveal.data.idNumber}
          </Typography.Paragraph>
        ) : (
          <Form form={form} layout="vertical" onFinish={handleFinish}>
            <Typography.Paragraph type="secondary">{t('activities.revealHint')}</Typography.Paragraph>
            <Form.Item
              name="purpose"
              label={t('activities.revealPurpose')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  max: 200,
                  message: t('activities.revealPurposeRule'),
                },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        )}
        {reveal.error ? <Alert type="error" showIcon title={errorMessage(reveal.error, lang)} /> : null}
      </Modal>
    </>
  );
}
