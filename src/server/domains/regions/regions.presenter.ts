import type { Region, RegionLevel, RegionTree } from '../../../core/region/region.schemas';
import { parseDivisionCode, regionKindLabel } from '../../../core/region';
import type { RegionRow } from './regions.repository';

export function presentRegion(row: RegionRow): Region {
  const parsed = parseDivisionCode(row.code);
  return {
    code: row.code,
    name: row.name,
    level: row.level as RegionLevel,
    kindLabel: parsed.ok ? regionKindLabel(parsed.value) : '',
    parentCode: row.parentCode,
    tree: row.tree as RegionTree,
    sort: row.sort,
  };
}

export const auditRegion = (row: Pick<RegionRow, 'name' | 'parentCode' | 'tree' | 'sort'>) => ({
  name: row.name,
  parentCode: row.parentCode,
  tree: row.tree,
  sort: row.sort,
});
