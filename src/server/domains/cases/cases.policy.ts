import type { Actor } from '../../../core/accounts/scope';
import { householdScope, type HouseholdScope } from '../households/households.policy';

/**
 * Case scope: towns and villages their own area, the office, leaders and the inspection team all;
 * member units take no part in the adjustment procedure.
 */
export function caseScope(actor: Actor): HouseholdScope {
  if (actor.role === 'unit') return { kind: 'none' };
  return householdScope(actor);
}

/** Who may open a case (record a clue): the office, towns and villages in their area. */
export function canOpenCase(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'town' || actor.role === 'village';
}

/** Uploading attachments: the roles that carry out the home check and the appraisal. */
export function canAttach(actor: Actor): boolean {
  return canOpenCase(actor);
}
