import type { LocalizedText } from '../../core/errors/errors';
import { apiPostRaw, apiRequest, type QueryValue } from './client';

/** One located problem of an import: sheet, row, column, reason. */
export interface ImportIssue {
  path: string;
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: LocalizedText;
}

/** Where a background import is: rows read while validating, then written of the total. */
export interface ImportJobProgress {
  phase: 'validate' | 'write' | 'done';
  rowsRead: number;
  /** Known once every row is validated. */
  totalRows: number | null;
}

/** A background import as the server's poll answers it; `report` is set once it is done. */
export interface ImportJob<P extends ImportJobProgress, R extends { ok: boolean; dryRun: boolean }> {
  id: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  progress: P;
  report: R | null;
}

export interface LedgerImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  households: number;
  members: number;
  errorCount: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  ms: number;
}

export type LedgerImportJob = ImportJob<ImportJobProgress & { membersWritten: number }, LedgerImportReport>;

export interface EconomicsImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  /** Household-years written. */
  written: number;
  created: number;
  flagged: number;
  errorCount: number;
  errors: ImportIssue[];
  ms: number;
}

export type EconomicsImportJob = ImportJob<
  ImportJobProgress & { yearsWritten: number },
  EconomicsImportReport
>;

/** Starts a household-ledger import (validated first when `dryRun`); poll `getLedgerImport` for progress. */
export function startLedgerImport(file: Blob, dryRun: boolean): Promise<LedgerImportJob> {
  return apiPostRaw('/api/households/imports', file, { query: { dryRun } });
}

export function getLedgerImport(id: string, signal?: AbortSignal): Promise<LedgerImportJob> {
  return apiRequest(`/api/households/imports/${id}`, { signal });
}

/** Starts a yearly-economics import; poll `getEconomicsImport` for progress. */
export function startEconomicsImport(file: Blob, dryRun: boolean): Promise<EconomicsImportJob> {
  return apiPostRaw('/api/households/economics-imports', file, { query: { dryRun } });
}

export function getEconomicsImport(id: string, signal?: AbortSignal): Promise<EconomicsImportJob> {
  return apiRequest(`/api/households/economics-imports/${id}`, { signal });
}

export const LEDGER_TEMPLATE_URL = '/api/households/import-template.xlsx';

/** A same-origin download address with the list's filters (empty values left out). */
export function downloadUrl(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
