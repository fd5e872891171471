import { readsEverything, type Actor } from '../../../core/accounts/scope';
import type { ActivityType } from '../../../core/activities/activities.schemas';

/**
 * Whose activity records an actor reaches (issue 4 §7): the office, leaders and the inspection team
 * read all; a unit its own unit's records; a town its own leadership visits; a village cadre none.
 */
export type ActivityScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitId: number }
  | { kind: 'town'; townCode: string; types: readonly ActivityType[] }
  | { kind: 'none' };

/** Record types a town office keeps itself (R1: its leaders' visits to the paired township). */
export const TOWN_TYPES: readonly ActivityType[] = ['leadership_visit'];

export function activityScope(actor: Actor): ActivityScope {
  if (readsEverything(actor)) return { kind: 'all' };
  if (actor.role === 'unit' && actor.unitId) return { kind: 'unit', unitId: actor.unitId };
  if (actor.role === 'town' && actor.regionCode)
    return { kind: 'town', townCode: actor.regionCode, types: TOWN_TYPES };
  return { kind: 'none' };
}

export interface ActivityTarget {
  type: ActivityType;
  unitId: number;
  townCode: string | null;
}

/** Whether the actor may see this record (the list filter applies the same rule in SQL). */
export function canSeeActivity(actor: Actor, record: ActivityTarget): boolean {
  const scope = activityScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit':
      return record.unitId === scope.unitId;
    case 'town':
      return scope.types.includes(record.type) && record.townCode === scope.townCode;
    case 'none':
      return false;
  }
}

/** Whether the actor may create, change or delete this record: the office any, units and towns their own. */
export function canWriteActivity(actor: Actor, record: ActivityTarget): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'unit' || actor.role === 'town') return canSeeActivity(actor, record);
  return false;
}
