import type {
  HouseholdDetail,
  HouseholdListQuery,
  HouseholdSummary,
  HouseholdYear,
  Measure,
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

/** The monitoring thresholds of a year; 404 when the year is not configured. */
export function getYearConfig(year: number, signal?: AbortSignal): Promise<YearConfig> {
  return apiRequest(`/api/monitoring/year-configs/${year}`, { signal });
}
