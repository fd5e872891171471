import type {
  HouseholdDetail,
  HouseholdListQuery,
  HouseholdSummary,
  HouseholdUpdate,
  HouseholdYear,
  HouseholdYearInput,
  Measure,
  MeasureInput,
  MemberInput,
  MemberUpdate,
} from '../../core/households/households.schemas';
import type { YearConfig } from '../../core/monitoring/config';
import type { LocalizedText } from '../../core/errors/errors';
import { apiRequest } from './client';

export type HouseholdQuery = Partial<HouseholdListQuery>;

export interface HouseholdPage {
  items: HouseholdSummary[];
  nextAfter: number | null;
}

export interface TimelineEntry {
  id: number;
  at: string;
  actorUsername: string | null;
  kind: string;
  summary: LocalizedText;
}

/** Keyset page of the households in the actor's scope (`GET /api/households`). */
export function listHouseholds(query: HouseholdQuery, signal?: AbortSignal): Promise<HouseholdPage> {
  return apiRequest('/api/households', { query: { ...query }, signal });
}

export function getHousehold(id: number, signal?: AbortSignal): Promise<HouseholdDetail> {
  return apiRequest(`/api/households/${id}`, { signal });
}

/** Economics, the 一达标两不愁三保障 assessment and the monitoring flags of one year. */
export function getHouseholdYear(id: number, year: number, signal?: AbortSignal): Promise<HouseholdYear> {
  return apiRequest(`/api/households/${id}/years/${year}`, { signal });
}

export function listMeasures(id: number, signal?: AbortSignal): Promise<{ items: Measure[] }> {
  return apiRequest(`/api/households/${id}/measures`, { signal });
}

export function getTimeline(id: number, signal?: AbortSignal): Promise<{ items: TimelineEntry[] }> {
  return apiRequest(`/api/households/${id}/timeline`, { signal });
}

/** Every configured year's thresholds, newest first. */
export function listYearConfigs(signal?: AbortSignal): Promise<{ items: YearConfig[] }> {
  return apiRequest('/api/monitoring/year-configs', { signal });
}

/** Changes to the household row (`PATCH /api/households/:id`). */
export function updateHousehold(id: number, body: HouseholdUpdate): Promise<HouseholdDetail> {
  return apiRequest(`/api/households/${id}`, { method: 'PATCH', body });
}

export function addMember(id: number, body: MemberInput): Promise<HouseholdDetail> {
  return apiRequest(`/api/households/${id}/members`, { method: 'POST', body });
}

export function updateMember(id: number, memberId: number, body: MemberUpdate): Promise<HouseholdDetail> {
  return apiRequest(`/api/households/${id}/members/${memberId}`, { method: 'PATCH', body });
}

/** A member leaves (kept, marked inactive with the reason). */
export function memberLeaves(id: number, memberId: number, reason: string): Promise<HouseholdDetail> {
  return apiRequest(`/api/households/${id}/members/${memberId}/leave`, { method: 'POST', body: { reason } });
}

/** A member's full ID number or phone; the server logs the view with the purpose. */
export function revealMemberPii(
  id: number,
  memberId: number,
  field: 'idNumber' | 'phone',
  purpose: string,
): Promise<{ value: string | null }> {
  return apiRequest(`/api/households/${id}/members/${memberId}/reveal`, {
    method: 'POST',
    body: { field, purpose },
  });
}

/** Records a year's economics and facts; the answer carries the fresh assessment and flags. */
export function putHouseholdYear(id: number, year: number, body: HouseholdYearInput): Promise<HouseholdYear> {
  return apiRequest(`/api/households/${id}/years/${year}`, { method: 'PUT', body });
}

export function addMeasure(id: number, body: MeasureInput): Promise<Measure> {
  return apiRequest(`/api/households/${id}/measures`, { method: 'POST', body });
}

export function updateMeasure(id: number, measureId: number, body: Partial<MeasureInput>): Promise<Measure> {
  return apiRequest(`/api/households/${id}/measures/${measureId}`, { method: 'PATCH', body });
}
