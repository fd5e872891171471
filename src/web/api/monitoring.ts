import type { YearConfig } from '../../core/monitoring/config';
import { apiRequest } from './client';

/** One town's row of the watch list (`GET /api/households/watch-list`), already scoped by the server. */
export interface WatchListTown {
  townCode: string;
  townName: string | null;
  households: number;
  evaluated: number;
  flagged: number;
  monitored: number;
  flaggedNotMonitored: number;
  /** Flagged households per rule (`incomeDrop`, `criterionNotMet:housing`, …). */
  byRule: Record<string, number>;
}

export interface WatchList {
  year: number;
  towns: WatchListTown[];
}

/** One R12 group of `GET /api/households/deep-difficulty`. */
export interface DeepDifficultyGroupSummary {
  group: string;
  labelZh: string;
  households: number;
  members: number;
  withoutMeasure: number;
}

export interface ReevaluateResult {
  year: number;
  evaluated: number;
  flagged: number;
  ms: number;
}

export interface PutYearConfigResult {
  config: YearConfig;
  reevaluated: number;
  flagged: number;
}

/** Sets a year's thresholds (the office only); the server re-evaluates the year at once. */
export function putYearConfig(year: number, config: YearConfig): Promise<PutYearConfigResult> {
  return apiRequest(`/api/monitoring/year-configs/${year}`, { method: 'PUT', body: config });
}

/** Re-evaluates every household of a year (the office only). */
export function reevaluateYear(year: number): Promise<ReevaluateResult> {
  return apiRequest('/api/households/re-evaluate', { method: 'POST', body: { year } });
}

export function fetchWatchList(year: number, signal?: AbortSignal): Promise<WatchList> {
  return apiRequest('/api/households/watch-list', { query: { year }, signal });
}

/** R12 groups in the actor's scope, optionally narrowed to a region subtree. */
export function fetchDeepDifficulty(
  regionCode: string | undefined,
  signal?: AbortSignal,
): Promise<{ groups: DeepDifficultyGroupSummary[] }> {
  return apiRequest('/api/households/deep-difficulty', { query: { regionCode }, signal });
}
