import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/accounts/scope';
import { canListUsers, canManageUser, canSeeUser } from './users.policy';

const admin: Actor = { id: 1, username: 'a', role: 'admin', regionCode: null, unitId: null };
const townA: Actor = { id: 2, username: 't', role: 'town', regionCode: '349901100000', unitId: null };
const unit: Actor = { id: 3, username: 'u', role: 'unit', regionCode: null, unitId: 5 };
const leader: Actor = { id: 4, username: 'l', role: 'leader', regionCode: null, unitId: null };

describe('users policy', () => {
  it('lets the office, leaders and towns open the user list, not units or villages', () => {
    expect(canListUsers(admin)).toBe(true);
    expect(canListUsers(leader)).toBe(true);
    expect(canListUsers(townA)).toBe(true);
    expect(canListUsers(unit)).toBe(false);
    expect(canListUsers({ ...unit, role: 'village' })).toBe(false);
  });

  it('lets a town see users of its own villages only', () => {
    expect(canSeeUser(townA, { id: 9, regionCode: '349901100201' })).toBe(true);
    expect(canSeeUser(townA, { id: 9, regionCode: '349901101201' })).toBe(false);
    expect(canSeeUser(townA, { id: 9, regionCode: null })).toBe(false);
  });

  it('lets a town manage village cadres inside its area and nothing else', () => {
    expect(canManageUser(townA, { role: 'village', regionCode: '349901100201' })).toBe(true);
    expect(canManageUser(townA, { role: 'village', regionCode: '349901101201' })).toBe(false);
    expect(canManageUser(townA, { role: 'town', regionCode: '349901100000' })).toBe(false);
    expect(canManageUser(townA, { role: 'admin', regionCode: null })).toBe(false);
  });

  it('gives leaders and units no management rights', () => {
    expect(canManageUser(leader, { role: 'village', regionCode: '349901100201' })).toBe(false);
    expect(canManageUser(unit, { role: 'unit', regionCode: null })).toBe(false);
    expect(canManageUser(admin, { role: 'admin', regionCode: null })).toBe(true);
  });
});
