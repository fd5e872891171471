import { readsEverything, type Actor } from '../../../core/accounts/scope';

/** Reading a unit's plan and ledger: the office, leaders, inspectors; a unit (or town office) its own (R2). */
export function canSeeUnitPlan(actor: Actor, unitId: number): boolean {
  return (
    readsEverything(actor) || (actor.unitId !== null && actor.unitId === unitId && actor.role !== 'village')
  );
}

/** Writing: the office for any unit, a unit user for its own unit. */
export function canWriteUnitPlan(actor: Actor, unitId: number): boolean {
  return (
    actor.role === 'admin' || ((actor.role === 'unit' || actor.role === 'town') && actor.unitId === unitId)
  );
}

/** The unit whose plans a list is confined to, or null for all. */
export function unitPlanListScope(actor: Actor): number | null | 'none' {
  if (readsEverything(actor)) return null;
  return actor.unitId && actor.role !== 'village' ? actor.unitId : 'none';
}
