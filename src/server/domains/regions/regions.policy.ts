import { inSubtree, regionScopeOf, type Actor } from '../../../core/accounts/scope';
import type { RegionTree } from '../../../core/region/region.schemas';

/**
 * The subtree of a tree the actor may read, or null for all of it. Towns and villages see only their
 * own part of the district; the paired county is reference data everyone reads (units record their
 * activities there).
 */
export function regionReadScope(actor: Actor, tree: RegionTree): string | null {
  if (tree === 'paired') return null;
  return regionScopeOf(actor);
}

export function canReadRegion(actor: Actor, region: { code: string; tree: string }): boolean {
  const scope = regionReadScope(actor, region.tree as RegionTree);
  return scope === null || inSubtree(scope, region.code);
}

/**
 * The office edits any region; a town keeps its own villages' names and adds new villages, but not
 * its own node or anything outside it.
 */
export function canWriteRegion(actor: Actor, region: { code: string; tree: string }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'town' && region.tree === 'district' && actor.regionCode) {
    return region.code !== actor.regionCode && inSubtree(actor.regionCode, region.code);
  }
  return false;
}
