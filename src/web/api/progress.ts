import type { z } from 'zod';
import type {
  ProgressRecordsResponseSchema,
  ProgressResponse,
  UnitReportingResponse,
} from '../../core/progress/progress.schemas';
import { apiRequest } from './client';

export type ProgressRecordsPage = z.infer<typeof ProgressRecordsResponseSchema>;

/** Every indicator of a plan at a date (the server caps the date at the plan year's end). */
export function getProgress(
  query: { plan: number; asOf?: string },
  signal?: AbortSignal,
): Promise<ProgressResponse> {
  return apiRequest('/api/progress', { query: { ...query }, signal });
}

export interface ProgressRecordsQuery {
  asOf?: string;
  unitId?: number;
  townCode?: string;
  after?: number;
  limit?: number;
}

/** The records behind one figure, in the actor's scope (a unit sees its own), newest entered first. */
export function getProgressRecords(
  indicatorId: number,
  query: ProgressRecordsQuery,
  signal?: AbortSignal,
): Promise<ProgressRecordsPage> {
  return apiRequest(`/api/progress/${indicatorId}/records`, { query: { ...query }, signal });
}

/** Records each unit dated in a period (R13 monthly reporting), counts only. */
export function getUnitReporting(
  query: { from: string; to: string },
  signal?: AbortSignal,
): Promise<UnitReportingResponse> {
  return apiRequest('/api/progress/reporting', { query: { ...query }, signal });
}
