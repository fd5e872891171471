import type { Activity, ActivityInput, ActivityType } from '../../core/activities/activities.schemas';
import type { LocalizedText } from '../../core/errors/errors';
import { apiPostRaw, apiRequest } from './client';

export interface ActivityListQuery {
  type?: ActivityType;
  unitId?: number;
  /** Calendar days YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  after?: number;
  limit?: number;
}

export interface ActivityPage {
  items: Activity[];
  nextAfter: number | null;
}

export function listActivityTypes(
  signal?: AbortSignal,
): Promise<{ items: { type: ActivityType; label: LocalizedText }[] }> {
  return apiRequest('/api/activity-types', { signal });
}

/** Records in the actor's scope, newest entered first (keyset on id). */
export function listActivities(query: ActivityListQuery, signal?: AbortSignal): Promise<ActivityPage> {
  return apiRequest('/api/activities', { query: { ...query }, signal });
}

export function getActivity(id: number, signal?: AbortSignal): Promise<Activity> {
  return apiRequest(`/api/activities/${id}`, { signal });
}

export function createActivity(input: ActivityInput): Promise<Activity> {
  return apiRequest('/api/activities', { method: 'POST', body: input });
}

/** Replaces a record; leaving `person` out keeps the person on file (the client only has the masked number). */
export function updateActivity(id: number, input: ActivityInput): Promise<Activity> {
  return apiRequest(`/api/activities/${id}`, { method: 'PUT', body: input });
}

export function deleteActivity(id: number): Promise<{ ok: true }> {
  return apiRequest(`/api/activities/${id}`, { method: 'DELETE' });
}

/** The full ID number of the person a record names (office only; the server logs the view and purpose). */
export function revealActivityIdNumber(id: number, purpose: string): Promise<{ idNumber: string }> {
  return apiRequest(`/api/activities/${id}/id-number`, { query: { purpose } });
}

/** Evidence files are listed on the record as `{ name, ref: 'evidence:<uuid>' }`. */
export const EVIDENCE_REF_PREFIX = 'evidence:';

/** The uuid of an uploaded evidence file, or null for a reference typed by hand. */
export function evidenceFileId(ref: string): string | null {
  return ref.startsWith(EVIDENCE_REF_PREFIX) ? ref.slice(EVIDENCE_REF_PREFIX.length) : null;
}

/** Uploads an evidence file (PDF, JPEG or PNG, at most 10 MB) of a saved record; answers the updated record. */
export function uploadActivityEvidence(id: number, file: File, signal?: AbortSignal): Promise<Activity> {
  return apiPostRaw(`/api/activities/${id}/evidence`, file, { query: { fileName: file.name }, signal });
}

/** Where an evidence file downloads from (every download is logged). */
export function activityEvidenceUrl(id: number, fileId: string): string {
  return `/api/activities/${id}/evidence/${encodeURIComponent(fileId)}`;
}
