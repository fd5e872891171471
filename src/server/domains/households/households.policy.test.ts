import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/accounts/scope';
import {
  canRevealPii,
  canSeeHousehold,
  canWriteMeasure,
  canWriteRegistry,
  householdScope,
} from './households.policy';

const actor = (over: Partial<Actor>): Actor => ({
  id: 1,
  username: 'u',
  role: 'admin',
  regionCode: null,
  unitId: null,
  ...over,
});
const TOWN_A = '349901100000';
const VILLAGE_A1 = '349901100201';
const VILLAGE_B1 = '349901101201';

describe('household policy', () => {
  it('confines towns and villages to their subtree', () => {
    const town = actor({ role: 'town', regionCode: TOWN_A });
    expect(canSeeHousehold(town, { regionCode: VILLAGE_A1, assistUnitId: null })).toBe(true);
    expect(canSeeHousehold(town, { regionCode: VILLAGE_B1, assistUnitId: null })).toBe(false);
    const village = actor({ role: 'village', regionCode: VILLAGE_A1 });
    expect(canWriteRegistry(village, VILLAGE_A1)).toBe(true);
    expect(canWriteRegistry(village, '349901100202')).toBe(false);
  });

  it('shows a unit only the households assigned to it', () => {
    const unit = actor({ role: 'unit', unitId: 7 });
    expect(householdScope(unit)).toEqual({ kind: 'unit', unitId: 7 });
    expect(canSeeHousehold(unit, { regionCode: VILLAGE_A1, assistUnitId: 7 })).toBe(true);
    expect(canSeeHousehold(unit, { regionCode: VILLAGE_A1, assistUnitId: null })).toBe(false);
    expect(canWriteRegistry(unit, VILLAGE_A1)).toBe(false);
    expect(canWriteMeasure(unit, { regionCode: VILLAGE_A1, assistUnitId: 7 })).toBe(true);
  });

  it('lets inspectors and leaders read everything but write nothing in the registry', () => {
    for (const role of ['inspector', 'leader'] as const) {
      const a = actor({ role });
      expect(canSeeHousehold(a, { regionCode: VILLAGE_B1, assistUnitId: null })).toBe(true);
      expect(canWriteRegistry(a, VILLAGE_B1)).toBe(false);
      expect(canRevealPii(a)).toBe(false);
    }
  });

  it('gives a town user without a region no scope at all', () => {
    expect(householdScope(actor({ role: 'town', regionCode: null }))).toEqual({ kind: 'none' });
  });
});
