import type { Region } from '../../../core/region/region.schemas';
import { buildRegionTree, type RegionNode } from './buildRegionTree';

/** A TreeSelect option of a region: its code as the value, its name as the title. */
export interface RegionTreeOption {
  value: string;
  title: string;
  children?: RegionTreeOption[];
}

function toOptions(nodes: readonly RegionNode[]): RegionTreeOption[] {
  return nodes.map((n) => ({
    value: n.region.code,
    title: n.region.name,
    children: n.children.length ? toOptions(n.children) : undefined,
  }));
}

/**
 * The API's flat region list as nested TreeSelect options (the region filters and pickers); `keep`
 * leaves regions out first, e.g. the county itself or what lies outside a campaign.
 */
export function regionTreeOptions(
  regions: readonly Region[],
  keep: (region: Region) => boolean = () => true,
): RegionTreeOption[] {
  return toOptions(buildRegionTree(regions.filter(keep)));
}
