import type { Me } from '../../../core/accounts/accounts.schemas';
import type { Activity, ActivityType } from '../../../core/activities/activities.schemas';

/**
 * What the interface offers for activity records; mirrors the server's policy (which decides):
 * the office writes any record, a unit its own unit's, a town its own leaders' visits.
 */
export function canCreateActivities(me: Pick<Me, 'role'>): boolean {
  return me.role === 'admin' || me.role === 'unit' || me.role === 'town';
}

/** Every record the list shows is in the actor's scope, so a writer may change each one. */
export function canWriteActivity(me: Pick<Me, 'role' | 'unitId'>, record: Pick<Activity, 'unitId'>): boolean {
  if (me.role === 'admin') return true;
  if (me.role === 'unit') return me.unitId === record.unitId;
  return me.role === 'town';
}

/** The types a role records (a town office records its own leaders' visits, R1). */
export function creatableTypes<T extends { type: ActivityType }>(
  me: Pick<Me, 'role'>,
  all: readonly T[],
): T[] {
  return me.role === 'town' ? all.filter((t) => t.type === 'leadership_visit') : [...all];
}

/** Roles that read every unit's records (and so filter by unit). */
export function readsAllActivities(me: Pick<Me, 'role'>): boolean {
  return me.role === 'admin' || me.role === 'leader' || me.role === 'inspector';
}
