import type { z } from 'zod';
import type {
  ExtractResponseSchema,
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
  ManualValue,
  ManualValueInput,
  Plan,
  PlanCreate,
  PlanSummary,
} from '../../core/plan/plan-model.schemas';
import { apiRequest } from './client';

export type ExtractResponse = z.infer<typeof ExtractResponseSchema>;

export function listPlans(signal?: AbortSignal): Promise<{ items: PlanSummary[] }> {
  return apiRequest('/api/plans', { signal });
}

export function getPlan(id: number, signal?: AbortSignal): Promise<Plan> {
  return apiRequest(`/api/plans/${id}`, { signal });
}

/** Reads pasted plan text into a draft with a proposed measurement per target; nothing is saved. */
export function extractPlanText(input: { text: string; year?: number | null }): Promise<ExtractResponse> {
  return apiRequest('/api/plans/extract', { method: 'POST', body: input });
}

export function createPlan(input: PlanCreate): Promise<Plan> {
  return apiRequest('/api/plans', { method: 'POST', body: input });
}

export function updatePlan(id: number, input: { title: string }): Promise<Plan> {
  return apiRequest(`/api/plans/${id}`, { method: 'PATCH', body: input });
}

export function createIndicator(planId: number, input: IndicatorCreate): Promise<Indicator> {
  return apiRequest(`/api/plans/${planId}/indicators`, { method: 'POST', body: input });
}

export function updateIndicator(id: number, input: IndicatorUpdate): Promise<Indicator> {
  return apiRequest(`/api/indicators/${id}`, { method: 'PATCH', body: input });
}

export function deleteIndicator(id: number): Promise<{ ok: true }> {
  return apiRequest(`/api/indicators/${id}`, { method: 'DELETE' });
}

export function listManualValues(
  indicatorId: number,
  signal?: AbortSignal,
): Promise<{ items: ManualValue[] }> {
  return apiRequest(`/api/indicators/${indicatorId}/manual-values`, { signal });
}

export function addManualValue(indicatorId: number, input: ManualValueInput): Promise<ManualValue> {
  return apiRequest(`/api/indicators/${indicatorId}/manual-values`, { method: 'POST', body: input });
}
