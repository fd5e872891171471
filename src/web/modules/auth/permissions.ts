import type { Me, User } from '../../../core/accounts/accounts.schemas';
import type { Role } from '../../../core/accounts/roles';
import { inSubtree } from '../../../core/accounts/scope';
import type { Region } from '../../../core/region/region.schemas';

/**
 * What the interface offers to each role. These mirror the server's policies (which decide): a
 * button the server would refuse is not shown.
 */

export function canListUsers(me: Pick<Me, 'role'>): boolean {
  return me.role === 'admin' || me.role === 'leader' || me.role === 'town';
}

/** Admin manages all users; a town manages village cadres of its own villages. */
export function canCreateUsers(me: Pick<Me, 'role' | 'regionCode'>): boolean {
  return me.role === 'admin' || (me.role === 'town' && !!me.regionCode);
}

export function canManageUser(
  me: Pick<Me, 'role' | 'regionCode'>,
  user: Pick<User, 'role' | 'regionCode'>,
): boolean {
  if (me.role === 'admin') return true;
  if (me.role === 'town') {
    return (
      user.role === 'village' &&
      !!user.regionCode &&
      !!me.regionCode &&
      user.regionCode !== me.regionCode &&
      inSubtree(me.regionCode, user.regionCode)
    );
  }
  return false;
}

/** Roles the actor may give to a user it creates or edits. */
export function assignableRoles(me: Pick<Me, 'role'>, all: readonly Role[]): readonly Role[] {
  if (me.role === 'admin') return all;
  if (me.role === 'town') return ['village'];
  return [];
}

export function canManageUnits(me: Pick<Me, 'role'>): boolean {
  return me.role === 'admin';
}

/** Admin edits any region; a town edits the regions below its own node. */
export function canEditRegion(
  me: Pick<Me, 'role' | 'regionCode'>,
  region: Pick<Region, 'code' | 'tree'>,
): boolean {
  if (me.role === 'admin') return true;
  if (me.role === 'town' && region.tree === 'district' && me.regionCode) {
    return region.code !== me.regionCode && inSubtree(me.regionCode, region.code);
  }
  return false;
}

/** Adding a child is allowed where the new child would be writable: admin anywhere, a town under its own node. */
export function canAddChildRegion(
  me: Pick<Me, 'role' | 'regionCode'>,
  parent: Pick<Region, 'code' | 'tree' | 'level'>,
): boolean {
  if (parent.level === 'village') return false;
  if (me.role === 'admin') return true;
  return (
    me.role === 'town' &&
    parent.tree === 'district' &&
    !!me.regionCode &&
    inSubtree(me.regionCode, parent.code)
  );
}

export function canImportRegions(me: Pick<Me, 'role'>): boolean {
  return me.role === 'admin';
}

export function canReadAudit(me: Pick<Me, 'role'>): boolean {
  return me.role === 'admin' || me.role === 'leader';
}
