import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, InputNumber, Modal, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/ApiError';
import type { QueryValue } from '../../api/client';
import { downloadUrl, importEconomics } from '../../api/registry';
import { useI18n } from '../../i18n/useI18n';
import { householdsKey } from '../households/householdQueries';
import { ImportErrors } from './IssueTable';
import { useRt } from './text';

interface EconomicsImportModalProps {
  open: boolean;
  onClose: () => void;
  /** The year offered first (the list's monitoring year). */
  defaultYear: number;
  /** The list's current filters: the downloaded sheet lists those households. */
  filters: Record<string, QueryValue>;
}

/** 导入收支: download the year's sheet for the filtered households, fill it, validate, import. */
export function EconomicsImportModal({ open, onClose, defaultYear, filters }: EconomicsImportModalProps) {
  const { lang } = useI18n();
  const rt = useRt();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const mutation = useMutation({
    mutationFn: (dryRun: boolean) => importEconomics(file!, dryRun),
    onSuccess: async (r) => {
      if (r.ok && !r.dryRun) await queryClient.invalidateQueries({ queryKey: householdsKey });
    },
  });
  const report = mutation.data;

  const handleBeforeUpload: UploadProps['beforeUpload'] = (f) => {
    setFile(f);
    mutation.reset();
    return Upload.LIST_IGNORE;
  };
  const handleClose = () => {
    if (mutation.isPending) return;
    setFile(null);
    mutation.reset();
    onClose();
  };
  const validated = report?.ok && report.dryRun;
  const imported = report?.ok && !report.dryRun;
  const sheetUrl = downloadUrl('/api/households/economics.xlsx', { ...filters, flagged: undefined, year });

  return (
    <Modal
      open={open}
      title={rt('reg.economicsTitle')}
      onCancel={handleClose}
      maskClosable={false}
      width={760}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={handleClose} disabled={mutation.isPending}>
            {rt('reg.close')}
          </Button>
          {!imported ? (
            <Button
              onClick={() => mutation.mutate(true)}
              disabled={!file || mutation.isPending}
              loading={mutation.isPending && mutation.variables}
            >
              {rt('reg.validate')}
            </Button>
          ) : null}
          {validated || (mutation.isPending && !mutation.variables) ? (
            <Button type="primary" onClick={() => mutation.mutate(false)} loading={mutation.isPending}>
              {rt('reg.run')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{rt('reg.economicsHelp')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <InputNumber
          aria-label={rt('reg.year')}
          addonBefore={rt('reg.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          style={{ width: 150 }}
        />
        <Button icon={<DownloadOutlined />} href={sheetUrl}>
          {rt('reg.economicsDownload', { year })}
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          beforeUpload={handleBeforeUpload}
          showUploadList={false}
          maxCount={1}
          disabled={mutation.isPending}
        >
          <Button icon={<UploadOutlined />}>{rt('reg.pick')}</Button>
        </Upload>
        {file ? <Typography.Text style={{ overflowWrap: 'anywhere' }}>{file.name}</Typography.Text> : null}
      </Flex>
      {mutation.error ? <Alert type="error" showIcon message={errorMessage(mutation.error, lang)} /> : null}
      {validated ? (
        <Alert type="success" showIcon message={rt('reg.economicsOk', { rows: report.rows })} />
      ) : null}
      {imported ? (
        <Alert
          type="success"
          showIcon
          message={rt('reg.economicsDone', {
            rows: report.written,
            created: report.created,
            flagged: report.flagged,
          })}
        />
      ) : null}
      {report && !report.ok ? <ImportErrors errorCount={report.errorCount} errors={report.errors} /> : null}
    </Modal>
  );
}
