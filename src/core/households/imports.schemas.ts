import { z } from 'zod';
import { LocalizedTextSchema } from '../errors/errors';

/** One located problem of a ledger import: sheet, row, column (the header as the clerk sees it), reason. */
export const ImportIssueSchema = z.object({
  path: z.string(),
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  code: z.string(),
  message: LocalizedTextSchema,
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** Where a background import is: rows read while validating, then written of the total. */
const progressBase = {
  phase: z.enum(['validate', 'write', 'done']),
  rowsRead: z.number(),
  /** Known once every row is validated. */
  totalRows: z.number().nullable(),
};
export const ImportJobProgressSchema = z.object(progressBase);
export type ImportJobProgress = z.infer<typeof ImportJobProgressSchema>;

/** What every import's report says: refused (with the first 1,000 located errors) or not, and how fast. */
const reportBase = {
  ok: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number(),
  errorCount: z.number(),
  errors: z.array(ImportIssueSchema),
  ms: z.number(),
};

/** A background import as its poll answers it; `report` is set once the job is done. */
const importJobSchema = <P extends z.ZodTypeAny, R extends z.ZodTypeAny>(progress: P, report: R) =>
  z.object({
    id: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['running', 'done', 'failed']),
    startedAt: z.string(),
    progress,
    report: report.nullable(),
  });

/** 困难家庭花名册: households and members. */
export const LedgerImportJobSchema = importJobSchema(
  z.object({ ...progressBase, membersWritten: z.number() }),
  z.object({
    ...reportBase,
    households: z.number(),
    members: z.number(),
    warnings: z.array(ImportIssueSchema),
  }),
);
export type LedgerImportJob = z.infer<typeof LedgerImportJobSchema>;

/** 家庭收支台账: one household-year a row. */
export const EconomicsImportJobSchema = importJobSchema(
  z.object({ ...progressBase, yearsWritten: z.number() }),
  z.object({
    ...reportBase,
    /** Household-years written (0 unless ok and not a dry run). */
    written: z.number(),
    created: z.number(),
    flagged: z.number(),
  }),
);
export type EconomicsImportJob = z.infer<typeof EconomicsImportJobSchema>;
