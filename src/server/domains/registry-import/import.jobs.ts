import fs from 'node:fs';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import type { Deps } from '../../deps';
import { importHouseholds, type ImportProgress, type ImportReport } from './import.service';
import { saveUploadedWorkbook } from './upload';

/** A running or finished import, polled by the web page for its progress bar. */
export interface ImportJob {
  id: string;
  actorId: number;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  report: ImportReport | null;
  startedAt: string;
  /** Settles when the job ends (tests and the CLI wait on it). */
  done?: Promise<void>;
}

// One process holds its jobs in memory (the file and the result of a committed import are also in the
// audit log); a restart loses only the progress display, never data.
const jobs = new Map<string, ImportJob>();

/** Saves the uploaded workbook and starts the import in the background. */
export async function startImport(
  deps: Deps,
  actor: Actor,
  data: Buffer,
  dryRun: boolean,
): Promise<ImportJob> {
  const { id, file } = saveUploadedWorkbook(deps, actor, data);
  const job: ImportJob = {
    id,
    actorId: actor.id,
    dryRun,
    status: 'running',
    progress: { phase: 'validate', rowsRead: 0, totalRows: null, membersWritten: 0 },
    report: null,
    startedAt: deps.now().toISOString(),
  };
  jobs.set(id, job);
  job.done = importHouseholds(deps, actor, file, { dryRun, onProgress: (p) => (job.progress = p) })
    .then((report) => {
      job.report = report;
      job.status = 'done';
    })
    .catch(() => {
      job.status = 'failed';
    })
    .finally(() => fs.rmSync(file, { force: true }));
  return job;
}

/** A job of the asking user (others' jobs answer 404). */
export function getImportJob(actor: Actor, id: string): ImportJob {
  const job = jobs.get(id);
  if (!job || job.actorId !== actor.id) throw new AppError('not_found');
  return job;
}
