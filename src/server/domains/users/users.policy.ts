import { inSubtree, type Actor } from '../../../core/accounts/scope';
import type { Role } from '../../../core/accounts/roles';

/** Who may open the user list at all: the office, leaders (read-only) and towns (their own area). */
export function canListUsers(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'leader' || actor.role === 'town';
}

/** The region subtree a user list is confined to, or null for all users. */
export function userListScope(actor: Actor): string | null {
  return actor.role === 'town' ? (actor.regionCode ?? '__none__') : null;
}

/** Whether the actor may see this user (same rule as the list). */
export function canSeeUser(actor: Actor, target: { regionCode: string | null; id: number }): boolean {
  if (target.id === actor.id) return true;
  if (actor.role === 'admin' || actor.role === 'leader') return true;
  if (actor.role === 'town')
    return target.regionCode !== null && inSubtree(actor.regionCode ?? '__none__', target.regionCode);
  return false;
}

/**
 * Whether the actor may create or change a user with this role and region. The office manages
 * everyone; a town manages only village cadres of its own villages (its clerks get their accounts
 * from the office).
 */
export function canManageUser(
  actor: Actor,
  target: { role: Role; regionCode: string | null | undefined },
): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'town') {
    return (
      target.role === 'village' &&
      !!target.regionCode &&
      !!actor.regionCode &&
      target.regionCode !== actor.regionCode &&
      inSubtree(actor.regionCode, target.regionCode)
    );
  }
  return false;
}
