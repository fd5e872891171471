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

export interface LedgerImportJob {
  id: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  progress: {
    phase: 'validate' | 'write' | 'done';
    rowsRead: number;
    totalRows: number | null;
    membersWritten: number;
  };
  report: {
    ok: boolean;
    dryRun: boolean;
    rows: number;
    households: number;
    members: number;
    errorCount: number;
    errors: ImportIssue[];
    warnings: ImportIssue[];
    ms: number;
  } | null;
}

export interface EconomicsImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  written: number;
  created: number;
  flagged: number;
  errorCount: number;
  errors: ImportIssue[];
  ms: number;
}

/** Starts a household-ledger import (validated first when `dryRun`); poll `getLedgerImport` for progress. */
export function startLedgerImport(file: Blob, dryRun: boolean): Promise<LedgerImportJob> {
  return apiPostRaw('/api/households/imports', file, { query: { dryRun } });
}

export function getLedgerImport(id: string, signal?: AbortSignal): Promise<LedgerImportJob> {
  return apiRequest(`/api/households/imports/${id}`, { signal });
}

export function importEconomics(file: Blob, dryRun: boolean): Promise<EconomicsImportReport> {
  return apiPostRaw('/api/households/economics-imports', file, { query: { dryRun } });
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
