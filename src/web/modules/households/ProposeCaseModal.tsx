import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { CaseKind } from '../../../core/households/case-machine';
import { CASE_KINDS, CASE_KIND_LABELS } from '../../../core/households/case-machine';
import type { CaseCreate } from '../../../core/households/cases.schemas';
import type { HouseholdDetail } from '../../../core/households/households.schemas';
import {
  DISCOVERY_CHANNELS,
  MONITORING_TYPES,
  RISK_ELIMINATION_METHODS,
} from '../../../core/monitoring/codes';
import { errorMessage } from '../../api/ApiError';
import { openCase } from '../../api/cases';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { useHt } from './text';

interface FormValues {
  kind: CaseKind;
  proposedType?: CaseCreate['proposedType'];
  eliminationMethod?: CaseCreate['eliminationMethod'];
  source: CaseCreate['source'];
  clueNote: string;
}

interface ProposeCaseModalProps {
  household: HouseholdDetail;
  open: boolean;
  onClose: () => void;
  /** Suggested monitoring type (from the flags). */
  suggestedType?: string | null;
}

/** 登记线索: opens an include (or, for a monitored household, change / exit) case, then shows it. */
export function ProposeCaseModal({ household, open, onClose, suggestedType }: ProposeCaseModalProps) {
  const { lt, lang } = useI18n();
  const ht = useHt();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const monitored = household.monitoringStatus === 'monitored';
  const kinds = CASE_KINDS.filter((k) => (monitored ? k !== 'include' : k === 'include'));
  const kind = Form.useWatch('kind', form) ?? kinds[0];

  const mutation = useMutation({
    mutationFn: (values: FormValues) =>
      openCase({
        householdId: household.id,
        kind: values.kind,
        proposedType: values.kind === 'exit' ? null : (values.proposedType ?? null),
        eliminationMethod: values.kind === 'exit' ? (values.eliminationMethod ?? 'assisted') : null,
        source: values.source,
        clueNote: values.clueNote,
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      message.success(ht('hh.proposed'));
      onClose();
      void navigate(`/cases/${created.id}`);
    },
    onError: (error) => {
      const fields = ['kind', 'proposedType', 'eliminationMethod', 'source', 'clueNote'];
      if (!applyFieldErrors(form, error, lang, fields)) message.error(errorMessage(error, lang));
    },
  });

  const handleOk = () => {
    form.validateFields().then(
      (values) => mutation.mutate(values),
      () => undefined,
    );
  };
  const defaultType = MONITORING_TYPES.some((t) => t.code === suggestedType)
    ? (suggestedType as FormValues['proposedType'])
    : undefined;

  return (
    <Modal
      open={open}
      title={ht('hh.proposeTitle', { name: household.headName })}
      onCancel={onClose}
      onOk={handleOk}
      okText={ht('case.submit')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: kinds[0], proposedType: defaultType, source: 'cadreScreening' }}
      >
        <Form.Item name="kind" label={ht('hh.caseKind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: lt(CASE_KIND_LABELS[k]) }))} />
        </Form.Item>
        {kind !== 'exit' ? (
          <Form.Item name="proposedType" label={ht('hh.proposedType')} rules={[{ required: true }]}>
            <Select
              options={MONITORING_TYPES.filter(
                (t) => kind !== 'change_type' || t.code !== household.monitoringType,
              ).map((t) => ({ value: t.code, label: lt(t) }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="eliminationMethod" label={ht('hh.eliminationMethod')} initialValue="assisted">
            <Select options={RISK_ELIMINATION_METHODS.map((m) => ({ value: m.code, label: lt(m) }))} />
          </Form.Item>
        )}
        <Form.Item name="source" label={ht('hh.source')} rules={[{ required: true }]}>
          <Select options={DISCOVERY_CHANNELS.map((c) => ({ value: c.code, label: lt(c) }))} />
        </Form.Item>
        <Form.Item
          name="clueNote"
          label={ht('hh.clueNote')}
          rules={[{ required: true, min: 2, max: 1000, whitespace: true }]}
        >
          <Input.TextArea rows={3} placeholder={ht('hh.clueNoteHint')} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
