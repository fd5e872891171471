import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDivisionCode } from '../src/core/region';
import { DEMO_PASSWORD, demoRegions } from '../src/server/demo/demo-data';
import { loadDemo } from '../src/server/demo/demo';
import { createTestApp, login, type TestContext } from './helpers/test-app';

let t: TestContext;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('demo district', { timeout: 120_000 }, () => {
  it('is deterministic, fictional-coded and valid by the division rules', () => {
    const a = demoRegions();
    expect(demoRegions()).toEqual(a);
    for (const r of a) {
      const parsed = parseDivisionCode(r.code);
      expect(parsed.ok, r.code).toBe(true);
      expect(r.code.slice(0, 4)).toBe('3499');
    }
    const district = a.filter((r) => r.tree === 'district');
    expect(district.filter((r) => r.level === 'town')).toHaveLength(8);
    expect(district.filter((r) => r.level === 'village')).toHaveLength(60);
    expect(new Set(a.map((r) => r.name)).size).toBe(a.length);
  });

  it('loads into an empty database with one working account per role, listed while loaded', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/demo' })).json()).toEqual({
      loaded: false,
      accounts: [],
    });
    await loadDemo(t.deps);
    const info = (await t.app.inject({ method: 'GET', url: '/api/demo' })).json();
    expect(info.password).toBe(DEMO_PASSWORD);
    expect(info.accounts.map((a: { role: string }) => a.role).sort()).toEqual([
      'admin',
      'inspector',
      'leader',
      'town',
      'unit',
      'village',
    ]);
    for (const a of info.accounts) await login(t.app, a.username, DEMO_PASSWORD);
    const units = (
      await (await login(t.app, 'admin', DEMO_PASSWORD)).request({ method: 'GET', url: '/api/units' })
    ).json().items;
    expect(units.filter((u: { kind: string }) => u.kind === 'member').length).toBeGreaterThanOrEqual(28);

    // R9: one open screening campaign, partly done, with households at risk and households still to screen.
    const village = await login(t.app, 'village', DEMO_PASSWORD);
    const campaigns = (await village.request({ method: 'GET', url: '/api/screening/campaigns' })).json()
      .items;
    expect(campaigns).toEqual([expect.objectContaining({ status: 'open', year: 2020 })]);
    const progress = (
      await village.request({ method: 'GET', url: `/api/screening/campaigns/${campaigns[0].id}/progress` })
    ).json();
    const [mine] = progress.villages;
    expect(progress.villages).toHaveLength(1);
    expect(mine.screened).toBeGreaterThan(0);
    expect(mine.screened).toBeLessThan(mine.households);
    const all = (
      await (
        await login(t.app, 'admin', DEMO_PASSWORD)
      ).request({
        method: 'GET',
        url: `/api/screening/campaigns/${campaigns[0].id}/households?status=atRisk&limit=500`,
      })
    ).json().items;
    expect(all.length).toBeGreaterThan(0);
    for (const h of all) expect(h.record.reasons.length).toBeGreaterThan(0);
  });

  it('refuses to load into a database that already has data', async () => {
    await loadDemo(t.deps);
    await expect(loadDemo(t.deps)).rejects.toMatchObject({ code: 'conflict' });
  });
});
