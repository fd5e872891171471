import { Alert, Progress, Typography } from 'antd';
import { errorMessage } from '../../api/ApiError';
import { useI18n } from '../../i18n/useI18n';
import { ImportErrors } from './IssueTable';
import { useRt } from './text';
import type { AnyImportJob, ImportJobState } from './useImportJob';

interface ImportJobStatusProps {
  job: ImportJobState<AnyImportJob>;
  /** What the write phase counts: people (household ledger) or households (yearly economics). */
  unit: 'members' | 'households';
  /** The progress bar's accessible name (the dialog's title). */
  label: string;
}

/**
 * An import job as the clerk follows it: the phase with its count and a progress bar, then why it could
 * not start or stopped, or the located errors of a refused file.
 */
export function ImportJobStatus({ job, unit, label }: ImportJobStatusProps) {
  const { lang } = useI18n();
  const rt = useRt();
  const { current, progress, report, startError } = job;
  return (
    <>
      {progress && current ? (
        <div style={{ marginBottom: 12 }} aria-live="polite">
          <Typography.Text>
            {progress.phase === 'validate'
              ? rt('reg.phase.validate', { done: progress.done })
              : progress.phase === 'write'
                ? rt(unit === 'members' ? 'reg.phase.write' : 'reg.phase.writeHouseholds', {
                    done: progress.done,
                    total: progress.total ?? '?',
                  })
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
            aria-label={label}
          />
        </div>
      ) : null}
      {startError ? (
        <Alert type="error" showIcon message={errorMessage(startError, lang)} style={{ marginBottom: 12 }} />
      ) : null}
      {current?.status === 'failed' ? <Alert type="error" showIcon message={rt('reg.failed')} /> : null}
      {report && !report.ok ? <ImportErrors errorCount={report.errorCount} errors={report.errors} /> : null}
    </>
  );
}
