import { describe, expect, it } from 'vitest';
import type { Role } from '../../../core/accounts/roles';
import type { Actor } from '../../../core/accounts/scope';
import {
  canRevealPii,
  canWriteMeasure,
  canWriteRegistry,
} from '../../../server/domains/households/households.policy';
import { canRevealMemberPii, canWriteHousehold, canWriteMeasures } from './householdPermissions';

const TOWN_A = '349901100000';
const VILLAGE_A1 = '349901100201';
const VILLAGE_A2 = '349901100202';
const VILLAGE_B1 = '349901101201';

const roles: Role[] = ['admin', 'leader', 'inspector', 'town', 'village', 'unit'];
const actors: Actor[] = roles.flatMap((role) =>
  [TOWN_A, VILLAGE_A1, null].flatMap((regionCode) =>
    [5, null].map((unitId) => ({ id: 1, username: 'u', role, regionCode, unitId })),
  ),
);
const households = [VILLAGE_A1, VILLAGE_A2, VILLAGE_B1].flatMap((regionCode) =>
  [5, 6, null].map((assistUnitId) => ({ regionCode, assistUnitId })),
);

describe('household page permissions mirror the server policy', () => {
  it('agrees with the server on every role, scope and household', () => {
    for (const a of actors)
      for (const h of households) {
        const where = `${a.role} ${a.regionCode} ${a.unitId} → ${h.regionCode} ${h.assistUnitId}`;
        expect(canWriteHousehold(a, h), where).toBe(canWriteRegistry(a, h.regionCode));
        expect(canWriteMeasures(a, h), where).toBe(canWriteMeasure(a, h));
        expect(canRevealMemberPii(a, h), where).toBe(canRevealPii(a) && canWriteRegistry(a, h.regionCode));
      }
  });

  it('lets leaders and inspectors read only', () => {
    for (const role of ['leader', 'inspector'] as const) {
      const a = { role, regionCode: null, unitId: null };
      expect(canWriteHousehold(a, { regionCode: VILLAGE_A1 })).toBe(false);
      expect(canWriteMeasures(a, { regionCode: VILLAGE_A1, assistUnitId: null })).toBe(false);
    }
    expect(
      canWriteHousehold({ role: 'town', regionCode: TOWN_A, unitId: null }, { regionCode: VILLAGE_A2 }),
    ).toBe(true);
  });
});
