import type { LocalizedText } from '../../core/errors/errors';
import type { CampaignCreate, ScreeningArea, ScreeningInput } from '../../core/households/screening';
import { apiRequest } from './client';

/** 疫情影响排查 (R9): the campaigns, their progress and households, and one household's screening. */

export interface Campaign {
  id: number;
  name: string;
  year: number;
  regionCode: string;
  startDate: string;
  endDate: string;
  /** open | closed */
  status: string;
}

export type DifficultyLevel = 'none' | 'some' | 'severe';

export interface ScreeningRecord {
  id: number;
  campaignId: number;
  householdId: number;
  headName: string;
  regionCode: string;
  screenedOn: string;
  difficulties: Record<ScreeningArea, { level: DifficultyLevel; note?: string | null }>;
  incomeLoss: number;
  atRisk: boolean;
  reasons: LocalizedText[];
  note: string | null;
}

export interface ProgressRow {
  households: number;
  screened: number;
  atRisk: number;
}

export interface CampaignProgress {
  campaign: Campaign;
  towns: (ProgressRow & { townCode: string; townName: string | null })[];
  villages: (ProgressRow & { regionCode: string; regionName: string | null })[];
}

export type CampaignHouseholdStatus = 'pending' | 'screened' | 'atRisk';

export interface CampaignHouseholdQuery {
  status: CampaignHouseholdStatus;
  q?: string;
  regionCode?: string;
  after?: number;
  limit?: number;
}

export interface CampaignHouseholdRow {
  householdId: number;
  headName: string;
  householdNo: string | null;
  regionCode: string;
  record: ScreeningRecord | null;
}

export interface CampaignHousehold extends CampaignHouseholdRow {
  size: number;
}

export function listCampaigns(signal?: AbortSignal): Promise<{ items: Campaign[] }> {
  return apiRequest('/api/screening/campaigns', { signal });
}

/** Opens a campaign (the office only). */
export function createCampaign(input: CampaignCreate): Promise<Campaign> {
  return apiRequest('/api/screening/campaigns', { method: 'POST', body: input });
}

export function closeCampaign(id: number): Promise<Campaign> {
  return apiRequest(`/api/screening/campaigns/${id}/close`, { method: 'POST' });
}

/** Households, screened and at risk per town and per village, in the actor's scope. */
export function getCampaignProgress(id: number, signal?: AbortSignal): Promise<CampaignProgress> {
  return apiRequest(`/api/screening/campaigns/${id}/progress`, { signal });
}

/** Keyset page of the campaign's households still to screen, screened, or at risk (scoped). */
export function listCampaignHouseholds(
  id: number,
  query: CampaignHouseholdQuery,
  signal?: AbortSignal,
): Promise<{ items: CampaignHouseholdRow[]; nextAfter: number | null }> {
  return apiRequest(`/api/screening/campaigns/${id}/households`, { query: { ...query }, signal });
}

export function getCampaignHousehold(
  id: number,
  householdId: number,
  signal?: AbortSignal,
): Promise<CampaignHousehold> {
  return apiRequest(`/api/screening/campaigns/${id}/households/${householdId}`, { signal });
}

/** Records (or corrects) a household's screening; the answer carries the verdict and its reasons. */
export function recordScreening(
  id: number,
  householdId: number,
  input: ScreeningInput,
): Promise<ScreeningRecord> {
  return apiRequest(`/api/screening/campaigns/${id}/households/${householdId}`, {
    method: 'PUT',
    body: input,
  });
}
