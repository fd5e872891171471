import { describe, expect, it } from 'vitest';
import { canAddChildRegion, canEditRegion, canManageUser } from './permissions';

const town = { role: 'town' as const, regionCode: '349901100000' };
const admin = { role: 'admin' as const, regionCode: null };
const leader = { role: 'leader' as const, regionCode: null };

describe('web permissions (mirroring the server policies)', () => {
  it('lets a town manage village cadres of its own villages only', () => {
    expect(canManageUser(town, { role: 'village', regionCode: '349901100201' })).toBe(true);
    expect(canManageUser(town, { role: 'village', regionCode: '349901101201' })).toBe(false);
    expect(canManageUser(town, { role: 'town', regionCode: '349901100000' })).toBe(false);
    expect(canManageUser(admin, { role: 'town', regionCode: '349901100000' })).toBe(true);
    expect(canManageUser(leader, { role: 'village', regionCode: '349901100201' })).toBe(false);
  });

  it('lets a town edit the regions below its own node and add villages under it', () => {
    const own = { code: '349901100000', tree: 'district' as const, level: 'town' as const };
    const village = { code: '349901100201', tree: 'district' as const, level: 'village' as const };
    expect(canEditRegion(town, own)).toBe(false);
    expect(canEditRegion(town, village)).toBe(true);
    expect(canAddChildRegion(town, own)).toBe(true);
    expect(canAddChildRegion(town, village)).toBe(false);
    expect(canEditRegion(town, { code: '349921100201', tree: 'paired' })).toBe(false);
    expect(canEditRegion(leader, village)).toBe(false);
  });
});
