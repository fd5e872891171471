import type { EconomicsImportJob, LedgerImportJob } from '../../core/households/imports.schemas';
import { apiPostRaw, apiRequest, type QueryValue } from './client';

export type {
  EconomicsImportJob,
  ImportIssue,
  ImportJobProgress,
  LedgerImportJob,
} from '../../core/households/imports.schemas';

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
