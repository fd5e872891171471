import type { Actor } from '../../../core/accounts/scope';

/** Units are reference data every signed-in user may read (to pick a responsible unit, say). */
export function canReadUnits(_actor: Actor): boolean {
  return true;
}

/** Only the office sets up the leading group's units. */
export function canManageUnits(actor: Actor): boolean {
  return actor.role === 'admin';
}
