import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import {
  LEDGER_TEMPLATE_URL,
  getLedgerImport,
  startLedgerImport,
  type LedgerImportJob,
} from '../../api/registry';
import { ImportActions } from './ImportActions';
import { ImportJobStatus } from './ImportJobStatus';
import { IssueTable } from './IssueTable';
import { useRt } from './text';
import { useImportJob, type ImportJobApi } from './useImportJob';
import { WorkbookPicker } from './WorkbookPicker';

const LEDGER_JOB: ImportJobApi<LedgerImportJob> = {
  key: 'ledger-import',
  start: startLedgerImport,
  get: getLedgerImport,
  written: (p) => p.membersWritten,
};

/**
 * 导入花名册: pick the .xlsx, validate it (every error located by sheet, row and column), then import it
 * all or nothing; a progress bar follows the server's job while it streams the file.
 */
export function LedgerImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const rt = useRt();
  const job = useImportJob(LEDGER_JOB, onClose);
  const { running, report, validated, imported } = job;

  return (
    <Modal
      open={open}
      title={rt('reg.importTitle')}
      onCancel={job.close}
      closable={!running}
      maskClosable={false}
      width={760}
      destroyOnHidden
      footer={<ImportActions job={job} />}
    >
      <Typography.Paragraph type="secondary">{rt('reg.importHelp')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={LEDGER_TEMPLATE_URL}>
          {rt('reg.template')}
        </Button>
        <WorkbookPicker job={job} />
      </Flex>
      <ImportJobStatus job={job} unit="members" label={rt('reg.importTitle')} />
      {validated && report ? (
        <Alert
          type="success"
          showIcon
          message={rt('reg.validOk', { households: report.households, members: report.members })}
        />
      ) : null}
      {imported && report ? (
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
