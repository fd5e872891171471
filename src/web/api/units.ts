import type { Unit, UnitCreate, UnitUpdate } from '../../core/accounts/accounts.schemas';
import { apiRequest } from './client';

export function listUnits(signal?: AbortSignal): Promise<{ items: Unit[] }> {
  return apiRequest('/api/units', { signal });
}

export function createUnit(input: UnitCreate): Promise<Unit> {
  return apiRequest('/api/units', { method: 'POST', body: input });
}

export function updateUnit(id: number, input: UnitUpdate): Promise<Unit> {
  return apiRequest(`/api/units/${id}`, { method: 'PATCH', body: input });
}
