import { MinusCircleOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError';
import { activityEvidenceUrl, evidenceFileId, uploadActivityEvidence } from '../../api/activities';
import { pick, type Lang } from '../../i18n/lang';
import { useI18n } from '../../i18n/useI18n';
import type { ActivityFormValues } from './activityForm';
import { activitiesKey } from './activityQueries';

/** The server's limit per file (`MAX_ATTACHMENT_BYTES`); checked here too so a large file is not sent. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type EvidenceValue = NonNullable<ActivityFormValues['evidence']>[number];

/** An upload's failure in the interface language, with the server's located details (e.g. "not a PDF"). */
function uploadErrorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError && error.details.length)
    return error.details.map((d) => pick(d.message, lang)).join('；');
  return errorMessage(error, lang);
}

interface EvidenceFieldProps {
  /** The saved record the files belong to; null while the record is new (upload needs a saved record). */
  activityId: number | null;
  /** For a new record: save it and stay in the drawer to upload. */
  onSaveAndUpload?: () => void;
  saving?: boolean;
}

/**
 * 佐证材料 of a record, inside the record form: uploaded files (download links; the server appends
 * each upload to the record at once) and references typed by hand (paper kept elsewhere).
 */
export function EvidenceField({ activityId, onSaveAndUpload, saving }: EvidenceFieldProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const form = Form.useFormInstance<ActivityFormValues>();
  const queryClient = useQueryClient();
  const watched = Form.useWatch('evidence', form) as EvidenceValue[] | undefined;
  const [uploading, setUploading] = useState(0);

  const entryAt = (index: number): EvidenceValue | undefined =>
    (watched ?? (form.getFieldValue('evidence') as EvidenceValue[] | undefined))?.[index];

  const handleBeforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > MAX_FILE_BYTES) {
      void message.error(t('activities.uploadTooLarge', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const handleUpload: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (activityId === null) return;
    const f = file as File;
    setUploading((n) => n + 1);
    uploadActivityEvidence(activityId, f)
      .then((updated) => {
        // The server appended the file to the record; keep it in the form too, so saving keeps it.
        const added = updated.evidence.at(-1);
        const current = (form.getFieldValue('evidence') as EvidenceValue[] | undefined) ?? [];
        if (added && !current.some((e) => e.ref === added.ref))
          form.setFieldValue('evidence', [...current, { ...added }]);
        void message.success(t('activities.uploaded', { name: f.name }));
        void queryClient.invalidateQueries({ queryKey: activitiesKey });
        onSuccess?.(updated);
      })
      .catch((error: unknown) => {
        void message.error(uploadErrorText(error, lang));
        onError?.(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => setUploading((n) => n - 1));
  };

  return (
    <>
      <Form.List name="evidence">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => {
              const entry = entryAt(field.name);
              const fileId = entry?.ref ? evidenceFileId(entry.ref) : null;
              if (fileId && activityId !== null) {
                return (
                  <Flex key={field.key} gap={8} align="center" style={{ marginBottom: 12 }}>
                    <Form.Item name={[field.name, 'name']} hidden noStyle>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, 'ref']} hidden noStyle>
                      <Input />
                    </Form.Item>
                    <PaperClipOutlined aria-label={t('activities.evidenceFile')} />
                    <Typography.Link
                      href={activityEvidenceUrl(activityId, fileId)}
                      download={entry?.name}
                      style={{ flex: 1 }}
                      ellipsis
                    >
                      {entry?.name}
                    </Typography.Link>
                    <MinusCircleOutlined
                      aria-label={t('activities.removeEvidence')}
                      title={t('activities.removeEvidenceHint')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                );
              }
              return (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'name']} style={{ flex: 1 }}>
                    <Input placeholder={t('activities.evidenceName')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'ref']} style={{ flex: 1 }}>
                    <Input placeholder={t('activities.evidenceRef')} maxLength={500} />
                  </Form.Item>
                  <MinusCircleOutlined
                    aria-label={t('activities.removeEvidence')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              );
            })}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', ref: '' })}
              style={{ marginBottom: 12 }}
            >
              {t('activities.addEvidence')}
            </Button>
          </>
        )}
      </Form.List>
      {activityId !== null ? (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={handleBeforeUpload}
            customRequest={handleUpload}
          >
            <Button icon={<UploadOutlined />} loading={uploading > 0}>
              {t('activities.uploadEvidence')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('activities.uploadHint')}</Typography.Text>
        </Flex>
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('activities.uploadAfterSave')}
          style={{ marginBottom: 16 }}
          action={
            onSaveAndUpload ? (
              <Button size="small" onClick={onSaveAndUpload} loading={saving}>
                {t('activities.saveAndUpload')}
              </Button>
            ) : null
          }
        />
      )}
    </>
  );
}
