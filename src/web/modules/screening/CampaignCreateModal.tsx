import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { errorMessage } from '../../api/ApiError';
import { createCampaign, type Campaign } from '../../api/screening';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems, setFieldProblems } from '../../ui/formErrors';
import { useRegions } from '../regions/regionQueries';
import { regionTreeOptions } from '../regions/regionTreeOptions';
import {
  buildCampaignBody,
  campaignFieldFor,
  checkCampaignBody,
  type CampaignFormValues,
} from './screeningForm';
import { screeningKey } from './screeningQueries';
import { useSt } from './text';

interface CampaignCreateModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (campaign: Campaign) => void;
}

/** 发起排查: name, year, the region swept (the district, a town or a village) and the dates. */
export function CampaignCreateModal({ open, onClose, onCreated }: CampaignCreateModalProps) {
  const { t, lang } = useI18n();
  const st = useSt();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CampaignFormValues>();
  const regions = useRegions('district');
  const treeData = useMemo(() => regionTreeOptions(regions.data ?? []), [regions.data]);
  const county = regions.data?.find((r) => r.level === 'county');
  const year = dayjs().year();

  const mutation = useMutation({
    mutationFn: createCampaign,
    onSuccess: async (campaign) => {
      void message.success(st('sc.created'));
      await queryClient.invalidateQueries({ queryKey: screeningKey });
      onCreated(campaign);
    },
    onError: (error) => {
      setFieldProblems(form, apiErrorProblems(error, lang), campaignFieldFor);
      void message.error(errorMessage(error, lang));
    },
  });

  const handleOk = () => {
    const checked = checkCampaignBody(buildCampaignBody(form.getFieldsValue(true) as CampaignFormValues));
    if (!checked.ok) {
      setFieldProblems(form, issuesToProblems(checked.issues, lang), campaignFieldFor);
      void message.error(st('sc.fixFields'));
      return;
    }
    mutation.mutate(checked.input);
  };

  return (
    <Modal
      open={open}
      title={st('sc.create')}
      onCancel={onClose}
      onOk={handleOk}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{
          name: lang === 'zh' ? `${year}年疫情影响排查` : `Epidemic screening ${year}`,
          year,
          regionCode: county?.code,
          dates: [dayjs(), dayjs().add(30, 'day')],
        }}
      >
        <Form.Item name="name" label={st('sc.name')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="year" label={st('sc.year')} required>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regionCode" label={st('sc.scope')} required>
          <TreeSelect<string>
            showSearch
            treeNodeFilterProp="title"
            treeData={treeData}
            treeDefaultExpandedKeys={county ? [county.code] : []}
            loading={regions.isPending}
            placeholder={st('sc.scopeRequired')}
            aria-label={st('sc.scope')}
          />
        </Form.Item>
        <Form.Item name="dates" label={st('sc.dates')} required>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            placeholder={[st('sc.startDate'), st('sc.endDate')]}
            inputReadOnly
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
