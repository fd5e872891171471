import type { z } from 'zod';
import type {
  LedgerEntry,
  LedgerEntryInput,
  UnitPlan,
  UnitPlanDetailSchema,
  UnitPlanInput,
} from '../../core/plan/unit-plan.schemas';
import { apiRequest } from './client';

export type UnitPlanDetail = z.infer<typeof UnitPlanDetailSchema>;

/** The unit plans of a year with their ledger totals (a unit gets only its own). */
export function listUnitPlans(year: number, signal?: AbortSignal): Promise<{ items: UnitPlan[] }> {
  return apiRequest('/api/unit-plans', { query: { year }, signal });
}

export function getUnitPlan(unitId: number, year: number, signal?: AbortSignal): Promise<UnitPlanDetail> {
  return apiRequest(`/api/unit-plans/${unitId}/${year}`, { signal });
}

export function putUnitPlan(unitId: number, year: number, input: UnitPlanInput): Promise<UnitPlanDetail> {
  return apiRequest(`/api/unit-plans/${unitId}/${year}`, { method: 'PUT', body: input });
}

export function addLedgerEntry(unitId: number, year: number, input: LedgerEntryInput): Promise<LedgerEntry> {
  return apiRequest(`/api/unit-plans/${unitId}/${year}/entries`, { method: 'POST', body: input });
}

export function updateLedgerEntry(id: number, input: LedgerEntryInput): Promise<LedgerEntry> {
  return apiRequest(`/api/ledger-entries/${id}`, { method: 'PUT', body: input });
}

export function deleteLedgerEntry(id: number): Promise<{ ok: true }> {
  return apiRequest(`/api/ledger-entries/${id}`, { method: 'DELETE' });
}
