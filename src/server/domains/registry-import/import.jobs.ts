import fs from 'node:fs';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import type { Deps } from '../../deps';
import {
  importEconomics,
  type EconomicsImportProgress,
  type EconomicsImportReport,
} from './economics-import.service';
import { importHouseholds, type ImportProgress, type ImportReport } from './import.service';
import { saveUploadedWorkbook } from './upload';

/** What each kind of import runs, and where its progress starts. */
interface Runner<P, R> {
  initial: P;
  run(
    deps: Deps,
    actor: Actor,
    file: string,
    opts: { dryRun: boolean; onProgress: (p: P) => void },
  ): Promise<R>;
}

/** The kinds of import, each with its progress and its report. */
interface Kinds {
  /** 困难家庭花名册: households and members. */
  households: { progress: ImportProgress; report: ImportReport };
  /** 家庭收支台账: one household-year per row. */
  economics: { progress: EconomicsImportProgress; report: EconomicsImportReport };
}
export type ImportKind = keyof Kinds;
type ProgressOf<K extends ImportKind> = Kinds[K]['progress'];
type ReportOf<K extends ImportKind> = Kinds[K]['report'];

const RUNNERS: { [K in ImportKind]: Runner<ProgressOf<K>, ReportOf<K>> } = {
  households: {
    initial: { phase: 'validate', rowsRead: 0, totalRows: null, membersWritten: 0 },
    run: importHouseholds,
  },
  economics: {
    initial: { phase: 'validate', rowsRead: 0, totalRows: null, yearsWritten: 0 },
    run: importEconomics,
  },
};

/** A running or finished import, polled by the web page for its progress bar. */
export interface ImportJob<K extends ImportKind = ImportKind> {
  id: string;
  kind: K;
  actorId: number;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  progress: ProgressOf<K>;
  report: ReportOf<K> | null;
  startedAt: string;
  /** Set when the job ends (finished jobs are forgotten an hour later). */
  endedAt: number | null;
  /** Settles when the job ends (tests and the CLI wait on it). */
  done?: Promise<void>;
}

// One process holds its jobs in memory (the file and the result of a committed import are also in the
// audit log); a restart loses only the progress display, never data.
const jobs = new Map<string, ImportJob>();
/** A finished job's report stays readable this long (it holds up to 1,000 located errors). */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

/** Saves the uploaded workbook and starts the import of that kind in the background. */
export async function startJob<K extends ImportKind>(
  deps: Deps,
  actor: Actor,
  data: Buffer,
  dryRun: boolean,
  kind: K,
): Promise<ImportJob<K>> {
  const { id, file } = saveUploadedWorkbook(deps, actor, data);
  forgetOldJobs();
  const runner: Runner<ProgressOf<K>, ReportOf<K>> = RUNNERS[kind];
  const job: ImportJob<K> = {
    id,
    kind,
    actorId: actor.id,
    dryRun,
    status: 'running',
    progress: { ...runner.initial },
    report: null,
    startedAt: deps.now().toISOString(),
    endedAt: null,
  };
  jobs.set(id, job);
  job.done = runner
    .run(deps, actor, file, { dryRun, onProgress: (p) => (job.progress = p) })
    .then((report) => {
      job.report = report;
      job.status = 'done';
    })
    .catch(() => {
      job.status = 'failed';
    })
    .finally(() => {
      job.endedAt = Date.now();
      fs.rmSync(file, { force: true });
    });
  return job;
}

/** A job of the asking user and of that kind (others' jobs, and another kind's, answer 404). */
export function getJob<K extends ImportKind>(actor: Actor, id: string, kind: K): ImportJob<K> {
  const job = jobs.get(id);
  if (!job || job.actorId !== actor.id || job.kind !== kind) throw new AppError('not_found');
  return job as ImportJob<K>;
}

/** What the poll answers: the job's fields, listed (not the owner, not the promise). */
export function presentJob<K extends ImportKind>(job: ImportJob<K>) {
  return {
    id: job.id,
    dryRun: job.dryRun,
    status: job.status,
    startedAt: job.startedAt,
    progress: job.progress,
    report: job.report,
  };
}

function forgetOldJobs(): void {
  const before = Date.now() - KEEP_FINISHED_MS;
  for (const [id, job] of jobs) if (job.endedAt !== null && job.endedAt < before) jobs.delete(id);
}
