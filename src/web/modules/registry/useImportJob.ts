import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportIssue, ImportJobProgress } from '../../api/registry';
import { householdsKey } from '../households/householdQueries';
import { progressOf, type ProgressView } from './registryQuery';

/** What every kind's job has: progress, and a report that may refuse the file with located errors. */
export interface AnyImportJob {
  id: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  progress: ImportJobProgress;
  report: { ok: boolean; dryRun: boolean; errorCount: number; errors: ImportIssue[] } | null;
}

/** How one kind of import is started, polled and counted. */
export interface ImportJobApi<J extends AnyImportJob> {
  /** The query key's first part (one per kind). */
  key: string;
  start: (file: Blob, dryRun: boolean) => Promise<J>;
  get: (id: string, signal?: AbortSignal) => Promise<J>;
  /** What the kind counts while writing (members, household-years). */
  written: (progress: J['progress']) => number;
}

export interface ImportJobState<J extends AnyImportJob> {
  /** The picked workbook (sent only when the clerk validates or imports). */
  file: File | null;
  /** The latest poll of the job started last, if any. */
  current: J | undefined;
  running: boolean;
  /** The running job is the import itself, not its validation. */
  importing: boolean;
  report: NonNullable<J['report']> | null;
  progress: ProgressView | null;
  /** The file validated without errors (the import may now run). */
  validated: boolean;
  /** The file was imported. */
  imported: boolean;
  startError: unknown;
  start: (dryRun: boolean) => void;
  /** A new file forgets the last job. */
  pick: (file: File) => void;
  /** Closes the dialog, unless a job is running. */
  close: () => void;
}

/**
 * An import dialog's state: the picked file, and the server job started from it, polled every half
 * second while it runs; a committed import refreshes the household list behind the dialog.
 */
export function useImportJob<J extends AnyImportJob>(
  api: ImportJobApi<J>,
  onClose: () => void,
): ImportJobState<J> {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);

  const job = useQuery({
    queryKey: [api.key, jobId],
    enabled: jobId !== null,
    queryFn: ({ signal }) => api.get(jobId!, signal),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const current = jobId === null ? undefined : job.data;
  const report = current?.status === 'done' ? (current.report as NonNullable<J['report']>) : null;
  const running = starting || current?.status === 'running';

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setStarting(true);
    setStartError(null);
    try {
      const started = await api.start(file, dryRun);
      queryClient.setQueryData([api.key, started.id], started);
      setJobId(started.id);
    } catch (e) {
      setStartError(e);
    } finally {
      setStarting(false);
    }
  };
  const forget = () => {
    setJobId(null);
    setStartError(null);
  };

  // A committed import changes the list behind the dialog.
  const committedId = report && !report.dryRun && report.ok ? current?.id : undefined;
  useEffect(() => {
    if (committedId) void queryClient.invalidateQueries({ queryKey: householdsKey });
  }, [committedId, queryClient]);

  return {
    file,
    current,
    running,
    importing: running && !!current && !current.dryRun,
    report,
    progress: current ? progressOf(current, api.written(current.progress)) : null,
    validated: !!report?.dryRun && report.ok,
    imported: !!report && !report.dryRun && report.ok,
    startError,
    start: (dryRun) => void start(dryRun),
    pick: (f) => {
      setFile(f);
      forget();
    },
    close: () => {
      if (running) return;
      setFile(null);
      forget();
      onClose();
    },
  };
}
