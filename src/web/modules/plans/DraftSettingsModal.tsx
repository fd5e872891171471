import { Form, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import type { Deadline } from '../../../core/plan/plan.schemas';
import type { IndicatorScope } from '../../../core/plan/plan-model.schemas';
import type { Measurement } from '../../../core/progress/measurement';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { DeadlineEditor } from './DeadlineEditor';
import type { DraftRow } from './draft';
import { MeasurementEditor } from './MeasurementEditor';
import { ScopeSelect } from './TargetInputs';

interface Values {
  deadline: Deadline | null;
  scope: IndicatorScope;
  measurement: Measurement;
}

interface DraftSettingsModalProps {
  row: DraftRow | null;
  onSave: (key: string, values: Values) => void;
  onClose: () => void;
}

/** A draft target's deadline, scope and measurement (the table shows them as text). */
export function DraftSettingsModal({ row, onSave, onClose }: DraftSettingsModalProps) {
  const { t } = useI18n();
  const narrow = useIsNarrow();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (row) form.setFieldsValue({ deadline: row.deadline, scope: row.scope, measurement: row.measurement });
  }, [row, form]);
  const handleOk = () => {
    if (row) onSave(row.key, form.getFieldsValue(true) as Values);
    onClose();
  };
  return (
    <Modal
      open={row !== null}
      title={row ? t('plans.settingsTitle', { name: row.name }) : null}
      onOk={handleOk}
      onCancel={onClose}
      okText={t('app.confirm')}
      cancelText={t('app.cancel')}
      width={narrow ? '100%' : 640}
      forceRender
    >
      {row ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {row.sourceText}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item name="deadline" label={t('plans.deadline')}>
          <DeadlineEditor />
        </Form.Item>
        <Form.Item name="scope" label={t('plans.scope')} extra={t('plans.scopeHint')}>
          <ScopeSelect />
        </Form.Item>
        <Form.Item
          name="measurement"
          label={t('plans.measurement')}
          extra={row?.reason ? t('plans.suggestedBecause', { reason: row.reason }) : undefined}
        >
          <MeasurementEditor />
        </Form.Item>
      </Form>
    </Modal>
  );
}
