import type { Me, User } from '../../../core/accounts/accounts.schemas';
import type { Role } from '../../../core/accounts/roles';
import type { UserRow } from './users.repository';

/** The fields of a user that leave the server (never the password hash or failure counters). */
export function presentUser(row: UserRow, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    regionCode: row.regionCode,
    regionName: row.regionName,
    unitId: row.unitId,
    unitName: row.unitName,
    disabled: row.disabled,
    locked: !!row.lockedUntil && row.lockedUntil > now,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMe(row: UserRow, csrfToken: string, sessionIdleMinutes: number): Me {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    regionCode: row.regionCode,
    regionName: row.regionName,
    unitId: row.unitId,
    unitName: row.unitName,
    csrfToken,
    sessionIdleMinutes,
  };
}

/** What the audit log keeps of a user. */
export function auditUser(
  row: Pick<UserRow, 'username' | 'displayName' | 'role' | 'regionCode' | 'unitId' | 'disabled'>,
) {
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    regionCode: row.regionCode,
    unitId: row.unitId,
    disabled: row.disabled,
  };
}
