import type {
  Region,
  RegionCreate,
  RegionImport,
  RegionTree,
  RegionUpdate,
} from '../../core/region/region.schemas';
import { apiRequest } from './client';

export interface RegionImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** The regions of a tree the user may read, as a flat list (parents before children is not promised). */
export function listRegions(
  query: { tree: RegionTree; parentCode?: string },
  signal?: AbortSignal,
): Promise<{ items: Region[] }> {
  return apiRequest('/api/regions', { query: { ...query }, signal });
}

export function getRegion(code: string): Promise<Region> {
  return apiRequest(`/api/regions/${code}`);
}

export function createRegion(input: RegionCreate): Promise<Region> {
  return apiRequest('/api/regions', { method: 'POST', body: input });
}

export function updateRegion(code: string, input: RegionUpdate): Promise<Region> {
  return apiRequest(`/api/regions/${code}`, { method: 'PATCH', body: input });
}

export function importRegions(input: RegionImport): Promise<RegionImportResult> {
  return apiRequest('/api/regions/import', { method: 'POST', body: input });
}
