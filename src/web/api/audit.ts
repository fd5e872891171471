import type { AuditEntry } from '../../core/audit/audit.schemas';
import { apiRequest } from './client';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  /** Calendar days YYYY-MM-DD (China Standard Time). */
  from?: string;
  to?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export function listAudit(
  filter: AuditFilter & { before?: number; limit?: number },
  signal?: AbortSignal,
): Promise<AuditPage> {
  return apiRequest('/api/audit', { query: { ...filter }, signal });
}
