import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import type { Unit, UnitCreate } from '../../../core/accounts/accounts.schemas';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../core/accounts/roles';
import { errorMessage } from '../../api/ApiError';
import { createUnit, updateUnit } from '../../api/units';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { RegionLevelSelect } from '../regions/RegionLevelSelect';
import { unitsKey } from './unitQueries';

interface UnitFormDrawerProps {
  open: boolean;
  /** The unit to edit; null creates one. */
  unit: Unit | null;
  onClose: () => void;
}

interface Values {
  name: string;
  kind: UnitKind;
  regionCode: string | null;
  leaderName: string;
}

/** 新建 / 编辑单位. A town office names the town it governs. */
export function UnitFormDrawer({ open, unit, onClose }: UnitFormDrawerProps) {
  const { t, lt, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const mutation = useMutation({
    mutationFn: (input: UnitCreate) => (unit ? updateUnit(unit.id, input) : createUnit(input)),
    onSuccess: async (saved) => {
      void message.success(unit ? t('app.saved') : t('units.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang, ['name', 'kind', 'regionCode', 'leaderName'])) {
        void message.error(errorMessage(error, lang));
      }
    },
  });

  const handleSubmit = () => form.submit();
  const handleFinish = (values: Values) =>
    mutation.mutate({
      name: values.name.trim(),
      kind: values.kind,
      regionCode: values.kind === 'town_office' ? (values.regionCode ?? null) : null,
      leaderName: values.leaderName?.trim() || null,
    });

  return (
    <Drawer
      open={open}
      title={unit ? t('units.edit') : t('units.create')}
      onClose={onClose}
      size={narrow ? '100%' : 480}
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
        onFinish={handleFinish}
        initialValues={{
          name: unit?.name ?? '',
          kind: unit?.kind ?? 'member',
          regionCode: unit?.regionCode ?? null,
          leaderName: unit?.leaderName ?? '',
        }}
      >
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('app.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('units.kind')}
          rules={[{ required: true, message: t('app.required') }]}
        >
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: lt(UNIT_KIND_LABELS[k]) }))} />
        </Form.Item>
        {kind === 'town_office' ? (
          <Form.Item name="regionCode" label={t('units.region')}>
            <RegionLevelSelect level="town" placeholder={t('users.pickTown')} />
          </Form.Item>
        ) : null}
        <Form.Item name="leaderName" label={t('units.leader')} rules={[{ max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
