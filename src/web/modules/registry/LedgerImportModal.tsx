import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/ApiError';
import {
  LEDGER_TEMPLATE_URL,
  getLedgerImport,
  startLedgerImport,
  type LedgerImportJob,
} from '../../api/registry';
import { useI18n } from '../../i18n/useI18n';
import { householdsKey } from '../households/householdQueries';
import { ImportErrors, IssueTable } from './IssueTable';
import { progressOf } from './registryQuery';
import { useRt } from './text';

/**
 * 导入花名册: pick the .xlsx, validate it (every error located by sheet, row and column), then import it
 * all or nothing; a progress bar follows the server's job while it streams the file.
 */
export function LedgerImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang } = useI18n();
  const rt = useRt();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);

  const job = useQuery({
    queryKey: ['ledger-import', jobId],
    enabled: jobId !== null,
    queryFn: ({ signal }) => getLedgerImport(jobId!, signal),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const current: LedgerImportJob | undefined = job.data;
  const running = starting || current?.status === 'running';
  const report = current?.status === 'done' ? current.report : null;

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setStarting(true);
    setStartError(null);
    try {
      const started = await startLedgerImport(file, dryRun);
      queryClient.setQueryData(['ledger-import', started.id], started);
      setJobId(started.id);
    } catch (e) {
      setStartError(e);
    } finally {
      setStarting(false);
    }
  };

  // A committed import changes the list behind the modal.
  const committedId = report && !report.dryRun && report.ok ? current?.id : undefined;
  useEffect(() => {
    if (committedId) void queryClient.invalidateQueries({ queryKey: householdsKey });
  }, [committedId, queryClient]);

  const handleBeforeUpload: UploadProps['beforeUpload'] = (f) => {
    setFile(f);
    setJobId(null);
    setStartError(null);
    return Upload.LIST_IGNORE;
  };
  const handleClose = () => {
    if (running) return;
    setFile(null);
    setJobId(null);
    setStartError(null);
    onClose();
  };

  const progress = current ? progressOf(current) : null;
  const validated = report?.dryRun && report.ok;
  const imported = report && !report.dryRun && report.ok;

  return (
    <Modal
      open={open}
      title={rt('reg.importTitle')}
      onCancel={handleClose}
      closable={!running}
      maskClosable={false}
      width={760}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={handleClose} disabled={running}>
            {rt('reg.close')}
          </Button>
          {!imported ? (
            <Button
              onClick={() => void start(true)}
              disabled={!file || running}
              loading={running && !validated}
            >
              {rt('reg.validate')}
            </Button>
          ) : null}
          {validated || (running && current && !current.dryRun) ? (
            <Button type="primary" onClick={() => void start(false)} disabled={running} loading={running}>
              {rt('reg.run')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{rt('reg.importHelp')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={LEDGER_TEMPLATE_URL}>
          {rt('reg.template')}
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          beforeUpload={handleBeforeUpload}
          showUploadList={false}
          maxCount={1}
          disabled={running}
        >
          <Button icon={<UploadOutlined />} disabled={running}>
            {rt('reg.pick')}
          </Button>
        </Upload>
        {file ? (
          <Typography.Text style={{ alignSelf: 'center', overflowWrap: 'anywhere' }}>
            {file.name}
          </Typography.Text>
        ) : null}
      </Flex>
      {progress && current ? (
        <div style={{ marginBottom: 12 }} aria-live="polite">
          <Typography.Text>
            {progress.phase === 'validate'
              ? rt('reg.phase.validate', { done: progress.done })
              : progress.phase === 'write'
                ? rt('reg.phase.write', { done: progress.done, total: progress.total ?? '?' })
                : rt('reg.phase.done')}
          </Typography.Text>
          <Progress
            percent={progress.percent ?? 100}
            status={
              current.status === 'failed'
                ? 'exception'
                : progress.percent === null || current.status === 'running'
                  ? 'active'
                  : report?.ok === false
                    ? 'exception'
                    : 'success'
            }
            showInfo={progress.percent !== null}
            aria-label={rt('reg.importTitle')}
          />
        </div>
      ) : null}
      {startError ? (
        <Alert type="error" showIcon message={errorMessage(startError, lang)} style={{ marginBottom: 12 }} />
      ) : null}
      {current?.status === 'failed' ? <Alert type="error" showIcon message={rt('reg.failed')} /> : null}
      {validated ? (
        <Alert
          type="success"
          showIcon
          message={rt('reg.validOk', { households: report.households, members: report.members })}
        />
      ) : null}
      {imported ? (
        <Alert
          type="success"
          showIcon
          message={rt('reg.imported', {
            households: report.households,
            members: report.members,
            seconds: (report.ms / 1000).toFixed(1),
          })}
        />
      ) : null}
      {report && !report.ok ? <ImportErrors errorCount={report.errorCount} errors={report.errors} /> : null}
      {report && report.warnings.length > 0 ? (
        <details style={{ marginTop: 12 }}>
          <summary>{rt('reg.warnings', { count: report.warnings.length })}</summary>
          <IssueTable
            issues={report.warnings}
            label={rt('reg.warnings', { count: report.warnings.length })}
          />
        </details>
      ) : null}
    </Modal>
  );
}
