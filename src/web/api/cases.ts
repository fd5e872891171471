import type { CaseAction } from '../../core/households/case-machine';
import type {
  CaseActionInput,
  CaseCreate,
  CaseDetail,
  CaseListQuery,
  CaseSummary,
} from '../../core/households/cases.schemas';
import { ApiError, isErrorResponse, transportError } from './ApiError';
import { apiRequest } from './client';

export type CaseQuery = Partial<CaseListQuery>;
export type AttachmentKind = 'authorisation' | 'home_check' | 'appraisal' | 'notice' | 'other';

export function listCases(
  query: CaseQuery,
  signal?: AbortSignal,
): Promise<{
  items: CaseSummary[];
  nextAfter: number | null;
}> {
  return apiRequest('/api/cases', { query: { ...query }, signal });
}

/** Open cases where the signed-in role has the next step, overdue first. */
export function getCaseQueue(signal?: AbortSignal): Promise<{ items: CaseSummary[] }> {
  return apiRequest('/api/cases/queue', { signal });
}

export function getCase(id: number, signal?: AbortSignal): Promise<CaseDetail> {
  return apiRequest(`/api/cases/${id}`, { signal });
}

/** Records a clue: opens an include / change-of-type / exit case for a household. */
export function openCase(input: CaseCreate): Promise<CaseDetail> {
  return apiRequest('/api/cases', { method: 'POST', body: input });
}

export function actOnCase(id: number, input: CaseActionInput & { action: CaseAction }): Promise<CaseDetail> {
  return apiRequest(`/api/cases/${id}/actions`, { method: 'POST', body: input });
}

export const ATTACHMENT_ACCEPT = 'application/pdf,image/jpeg,image/png';

/**
 * Uploads an attachment as the raw request body (the server takes PDF, JPEG or PNG). Not JSON, so it
 * does not go through `apiRequest`; the session's CSRF token comes from the signed-in user.
 */
export async function uploadAttachment(
  id: number,
  kind: AttachmentKind,
  file: File,
  csrfToken: string,
): Promise<CaseDetail> {
  const params = new URLSearchParams({ kind, fileName: file.name });
  let response: Response;
  try {
    response = await fetch(`/api/cases/${id}/attachments?${params.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'application/octet-stream',
        'x-csrf-token': csrfToken,
      },
      body: file,
    });
  } catch {
    throw transportError(0, 'network');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    throw transportError(response.status, 'unexpected');
  }
  if (response.ok) return body as CaseDetail;
  throw isErrorResponse(body)
    ? new ApiError(response.status, body.error)
    : transportError(response.status, 'unexpected');
}

export function attachmentUrl(caseId: number, attachmentId: number): string {
  return `/api/cases/${caseId}/attachments/${attachmentId}`;
}

export function noticeUrl(caseId: number, format: 'text' | 'docx'): string {
  return `/api/cases/${caseId}/notice?format=${format}`;
}
