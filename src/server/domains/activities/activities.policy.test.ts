import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/accounts/scope';
import { activityScope, canSeeActivity, canWriteActivity } from './activities.policy';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  id: 1,
  username: role,
  role,
  regionCode: null,
  unitId: null,
  ...extra,
});
const TOWN = '349901100000';
const visit = { type: 'leadership_visit' as const, unitId: 7, townCode: TOWN };
const donation = { type: 'donation' as const, unitId: 5, townCode: null };

describe('activities policy', () => {
  it('lets the office, leaders and inspectors read every record, and only the office write any', () => {
    for (const role of ['admin', 'leader', 'inspector'] as const) {
      expect(activityScope(actor(role))).toEqual({ kind: 'all' });
      expect(canSeeActivity(actor(role), donation)).toBe(true);
    }
    expect(canWriteActivity(actor('admin'), donation)).toBe(true);
    expect(canWriteActivity(actor('leader'), donation)).toBe(false);
    expect(canWriteActivity(actor('inspector'), donation)).toBe(false);
  });

  it("confines a unit to its own unit's records", () => {
    const unit = actor('unit', { unitId: 5 });
    expect(canSeeActivity(unit, donation)).toBe(true);
    expect(canWriteActivity(unit, donation)).toBe(true);
    expect(canSeeActivity(unit, { ...donation, unitId: 6 })).toBe(false);
    expect(canWriteActivity(unit, { ...donation, unitId: 6 })).toBe(false);
  });

  it("confines a town to its own town's leadership visits", () => {
    const town = actor('town', { regionCode: TOWN });
    expect(canSeeActivity(town, visit)).toBe(true);
    expect(canWriteActivity(town, visit)).toBe(true);
    expect(canSeeActivity(town, { ...visit, townCode: '349901101000' })).toBe(false);
    expect(canSeeActivity(town, { ...donation, townCode: TOWN })).toBe(false);
  });

  it('gives village cadres no activity records', () => {
    expect(activityScope(actor('village', { regionCode: '349901100201' }))).toEqual({ kind: 'none' });
    expect(canSeeActivity(actor('village'), visit)).toBe(false);
  });
});
