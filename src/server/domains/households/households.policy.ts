import { inSubtree, type Actor } from '../../../core/accounts/scope';

/** How an actor's reads of the registry are confined (applied in SQL by the repository). */
export type HouseholdScope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'unit'; unitId: number }
  | { kind: 'none' };

/**
 * R10 scope: the office, leaders and the inspection team read every household; towns and villages
 * their own area; a member unit only the households assigned to it (帮扶单位).
 */
export function householdScope(actor: Actor): HouseholdScope {
  switch (actor.role) {
    case 'admin':
    case 'leader':
    case 'inspector':
      return { kind: 'all' };
    case 'town':
    case 'village':
      return actor.regionCode ? { kind: 'region', regionCode: actor.regionCode } : { kind: 'none' };
    case 'unit':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
  }
}

/** Whether a household row lies in the actor's read scope. */
export function canSeeHousehold(
  actor: Actor,
  h: { regionCode: string; assistUnitId: number | null },
): boolean {
  const s = householdScope(actor);
  if (s.kind === 'all') return true;
  if (s.kind === 'region') return inSubtree(s.regionCode, h.regionCode);
  if (s.kind === 'unit') return h.assistUnitId === s.unitId;
  return false;
}

/** Registry writes (households, members, economics): the office, and towns/villages in their area. */
export function canWriteRegistry(actor: Actor, regionCode: string): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'town' || actor.role === 'village')
    return !!actor.regionCode && inSubtree(actor.regionCode, regionCode);
  return false;
}

/** Measures: the registry writers, plus a member unit on the households assigned to it. */
export function canWriteMeasure(
  actor: Actor,
  h: { regionCode: string; assistUnitId: number | null },
): boolean {
  if (canWriteRegistry(actor, h.regionCode)) return true;
  return actor.role === 'unit' && actor.unitId !== null && h.assistUnitId === actor.unitId;
}

/** Who may see a full ID number / phone / bank account on screen (each view is logged). */
export function canRevealPii(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'town' || actor.role === 'village';
}

/** Who may export unmasked ID numbers (logged with the row count). */
export function canExportUnmasked(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'town';
}

/** Running the bulk re-evaluation and setting year thresholds: the office only. */
export function canAdministerMonitoring(actor: Actor): boolean {
  return actor.role === 'admin';
}
