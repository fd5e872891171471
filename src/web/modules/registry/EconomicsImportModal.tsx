import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { QueryValue } from '../../api/client';
import {
  downloadUrl,
  getEconomicsImport,
  startEconomicsImport,
  type EconomicsImportJob,
} from '../../api/registry';
import { ImportActions } from './ImportActions';
import { ImportJobStatus } from './ImportJobStatus';
import { useRt } from './text';
import { useImportJob, type ImportJobApi } from './useImportJob';
import { WorkbookPicker } from './WorkbookPicker';

const ECONOMICS_JOB: ImportJobApi<EconomicsImportJob> = {
  key: 'economics-import',
  start: startEconomicsImport,
  get: getEconomicsImport,
  written: (p) => p.yearsWritten,
};

interface EconomicsImportModalProps {
  open: boolean;
  onClose: () => void;
  /** The year offered first (the list's monitoring year). */
  defaultYear: number;
  /** The list's current filters: the downloaded sheet lists those households. */
  filters: Record<string, QueryValue>;
}

/**
 * 导入收支: download the year's sheet for the filtered households, fill it, validate, import; a progress
 * bar follows the server's job while it writes household-year by household-year.
 */
export function EconomicsImportModal({ open, onClose, defaultYear, filters }: EconomicsImportModalProps) {
  const rt = useRt();
  const [year, setYear] = useState(defaultYear);
  const job = useImportJob(ECONOMICS_JOB, onClose);
  const { running, report, validated, imported } = job;
  const sheetUrl = downloadUrl('/api/households/economics.xlsx', { ...filters, flagged: undefined, year });

  return (
    <Modal
      open={open}
      title={rt('reg.economicsTitle')}
      onCancel={job.close}
      closable={!running}
      maskClosable={false}
      width={760}
      destroyOnHidden
      footer={<ImportActions job={job} />}
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
        <WorkbookPicker job={job} />
      </Flex>
      <ImportJobStatus job={job} unit="households" label={rt('reg.economicsTitle')} />
      {validated && report ? (
        <Alert type="success" showIcon message={rt('reg.economicsOk', { rows: report.rows })} />
      ) : null}
      {imported && report ? (
        <Alert
          type="success"
          showIcon
          message={rt('reg.economicsDone', {
            rows: report.written,
            created: report.created,
            flagged: report.flagged,
            seconds: (report.ms / 1000).toFixed(1),
          })}
        />
      ) : null}
    </Modal>
  );
}
