import type { Me } from '../../../core/accounts/accounts.schemas';
import { inSubtree } from '../../../core/accounts/scope';

type Actor = Pick<Me, 'role' | 'regionCode' | 'unitId'>;
type HouseholdRef = { regionCode: string; assistUnitId: number | null };

/**
 * What the household page offers; mirrors `households.policy.ts` on the server (which decides):
 * the office, and towns and villages in their own area, write the registry; leaders and the
 * inspection team read only.
 */
export function canWriteHousehold(me: Actor, h: Pick<HouseholdRef, 'regionCode'>): boolean {
  if (me.role === 'admin') return true;
  if (me.role === 'town' || me.role === 'village')
    return !!me.regionCode && inSubtree(me.regionCode, h.regionCode);
  return false;
}

/** Measures: the registry writers, plus a member unit on the households assigned to it. */
export function canWriteMeasures(me: Actor, h: HouseholdRef): boolean {
  if (canWriteHousehold(me, h)) return true;
  return me.role === 'unit' && me.unitId !== null && h.assistUnitId === me.unitId;
}

/** A full ID number or phone on screen (each view logged): office, town and village writers of the area. */
export function canRevealMemberPii(me: Actor, h: Pick<HouseholdRef, 'regionCode'>): boolean {
  return (me.role === 'admin' || me.role === 'town' || me.role === 'village') && canWriteHousehold(me, h);
}
