import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { regionPrefix } from '../../../core/accounts/scope';
import type { Region, RegionCreate, RegionTree } from '../../../core/region/region.schemas';
import { errorMessage } from '../../api/ApiError';
import { createRegion } from '../../api/regions';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { allRegionsKey } from './regionQueries';

interface RegionCreateModalProps {
  open: boolean;
  tree: RegionTree;
  /** The parent of the new region; null adds a county-level root. */
  parent: Region | null;
  onClose: () => void;
  onCreated: (region: Region) => void;
}

interface Values {
  code: string;
  name: string;
}

/** 添加下级: the code must extend the parent's code (the server checks the full division-code rules). */
export function RegionCreateModal({ open, tree, parent, onClose, onCreated }: RegionCreateModalProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const prefix = parent ? regionPrefix(parent.code) : '';

  const mutation = useMutation({
    mutationFn: (input: RegionCreate) => createRegion(input),
    onSuccess: async (region) => {
      void message.success(t('regions.created', { name: region.name }));
      await queryClient.invalidateQueries({ queryKey: allRegionsKey });
      onCreated(region);
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang, ['code', 'name']))
        void message.error(errorMessage(error, lang));
    },
  });

  const handleOk = () => form.submit();
  const handleFinish = (values: Values) =>
    mutation.mutate({
      code: values.code.trim(),
      name: values.name.trim(),
      parentCode: parent?.code ?? null,
      tree,
    });

  return (
    <Modal
      open={open}
      title={parent ? t('regions.addChildTitle', { name: parent.name }) : t('regions.addRoot')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ code: prefix, name: '' }}
        onFinish={handleFinish}
      >
        <Form.Item
          name="code"
          label={t('regions.code')}
          extra={parent ? t('regions.codeHint', { n: prefix.length, prefix }) : t('regions.codeRootHint')}
          rules={[
            { required: true, message: t('app.required') },
            { pattern: /^\d{12}$/, message: t('regions.codeRootHint') },
            {
              validator: async (_rule, value: unknown) => {
                if (typeof value === 'string' && prefix && value.length === 12 && !value.startsWith(prefix)) {
                  throw new Error(t('regions.codeHint', { n: prefix.length, prefix }));
                }
              },
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('regions.name')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('app.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
