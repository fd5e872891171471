import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import type { Region, RegionUpdate } from '../../../core/region/region.schemas';
import { errorMessage } from '../../api/ApiError';
import { updateRegion } from '../../api/regions';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { allRegionsKey } from './regionQueries';

interface RegionEditModalProps {
  region: Region | null;
  onClose: () => void;
}

/** Rename a region or change its order among its siblings. */
export function RegionEditModal({ region, onClose }: RegionEditModalProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; sort: number }>();

  const mutation = useMutation({
    mutationFn: (input: RegionUpdate) => updateRegion(region?.code ?? '', input),
    onSuccess: async () => {
      void message.success(t('app.saved'));
      await queryClient.invalidateQueries({ queryKey: allRegionsKey });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang, ['name', 'sort']))
        void message.error(errorMessage(error, lang));
    },
  });

  const handleOk = () => form.submit();
  const handleFinish = (values: { name: string; sort: number }) => mutation.mutate(values);

  return (
    <Modal
      open={region !== null}
      title={region ? t('regions.renameTitle', { name: region.name }) : ''}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {region ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ name: region.name, sort: region.sort }}
          onFinish={handleFinish}
        >
          <Form.Item
            name="name"
            label={t('regions.name')}
            rules={[{ required: true, whitespace: true, max: 60, message: t('app.required') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="sort" label={t('regions.sort')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
