import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold, syntheticMember, syntheticYear } from '../src/core/households/fixtures';
import { mulberry32 } from '../src/core/identity/random';
import { DEMO_YEAR_CONFIG_2020 } from '../src/core/monitoring/config';
import {
  DISTRICT,
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
  createTestApp,
  expectAudited,
  expectRefused,
  login,
  seedRegions,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let admin: Session;
let townA: Session;
let townB: Session;
let village: Session;
let inspector: Session;
const rng = mulberry32(21);

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'clerk-a', role: 'town', regionCode: TOWN_A });
  await seedUser(t.deps, { username: 'clerk-b', role: 'town', regionCode: TOWN_B });
  await seedUser(t.deps, { username: 'cadre-a1', role: 'village', regionCode: VILLAGE_A1 });
  await seedUser(t.deps, { username: 'inspector', role: 'inspector' });
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
  townB = await login(t.app, 'clerk-b');
  village = await login(t.app, 'cadre-a1');
  inspector = await login(t.app, 'inspector');
  await admin.request({
    method: 'PUT',
    url: '/api/monitoring/year-configs/2020',
    payload: DEMO_YEAR_CONFIG_2020,
  });
});
afterEach(() => t.close());

async function household(s: Session, village: string, perCapita?: number) {
  const body = syntheticHousehold(rng, village, {
    members: [
      syntheticMember(rng, { relation: 'head', birthDate: '1970-01-01', disabilityCertificate: null }),
      syntheticMember(rng, { relation: 'spouse', birthDate: '1971-01-01', disabilityCertificate: null }),
    ],
  });
  const h = (await s.request({ method: 'POST', url: '/api/households', payload: body })).json();
  if (perCapita)
    await s.request({
      method: 'PUT',
      url: `/api/households/${h.id}/years/2020`,
      payload: syntheticYear(mulberry32(2), 2, perCapita),
    });
  return h as { id: number; headName: string; householdNo: string | null };
}

const none = { level: 'none' };
const screening = (over: object = {}) => ({
  screenedOn: '2020-03-10',
  difficulties: { industry: none, employment: none, medical: none, schooling: none, productSales: none },
  incomeLoss: 0,
  ...over,
});

describe('epidemic screening campaigns (R9)', () => {
  it('opens a campaign, records screenings on the phone form, flags households at risk with reasons, and tracks progress per town', async () => {
    const a1 = await household(townA, VILLAGE_A1, 7000);
    const a2 = await household(townA, VILLAGE_A1);
    const b1 = await household(admin, VILLAGE_B1);
    const { res } = await expectAudited(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/screening/campaigns',
          payload: {
            name: '2020年疫情影响排查',
            year: 2020,
            regionCode: DISTRICT,
            startDate: '2020-03-01',
            endDate: '2020-03-31',
          },
        }),
      { action: 'screening.campaign_create', entity: 'screening_campaign', status: 201 },
    );
    const c = res.json();
    const { res: rec } = await expectAudited(
      t.deps,
      () =>
        village.request({
          method: 'PUT',
          url: `/api/screening/campaigns/${c.id}/households/${a1.id}`,
          payload: screening({
            difficulties: {
              ...screening().difficulties,
              employment: { level: 'some', note: '无法外出务工' },
            },
            incomeLoss: 4000,
          }),
        }),
      { action: 'screening.record', entity: 'screening_record' },
    );
    expect(rec.json()).toMatchObject({
      atRisk: true,
      reasons: [{ zh: '扣除疫情减收 4,000 元后人均纯收入 5,000 元 < 监测线 6,000 元' }],
    });
    const ok = (
      await townA.request({
        method: 'PUT',
        url: `/api/screening/campaigns/${c.id}/households/${a2.id}`,
        payload: screening(),
      })
    ).json();
    expect(ok).toMatchObject({ atRisk: false, reasons: [] });

    const progress = (
      await admin.request({ method: 'GET', url: `/api/screening/campaigns/${c.id}/progress` })
    ).json();
    expect(progress.towns).toEqual([
      { townCode: TOWN_A, townName: '甲镇', households: 2, screened: 2, atRisk: 1 },
      { townCode: TOWN_B, townName: '乙镇', households: 1, screened: 0, atRisk: 0 },
    ]);
    const mine = (
      await townB.request({ method: 'GET', url: `/api/screening/campaigns/${c.id}/progress` })
    ).json();
    expect(mine.towns.map((x: { townCode: string }) => x.townCode)).toEqual([TOWN_B]);
    const atRisk = (
      await inspector.request({
        method: 'GET',
        url: `/api/screening/campaigns/${c.id}/households?status=atRisk`,
      })
    ).json();
    expect(atRisk.items.map((i: { householdId: number }) => i.householdId)).toEqual([a1.id]);
    const pendingB = (
      await townB.request({
        method: 'GET',
        url: `/api/screening/campaigns/${c.id}/households?status=pending`,
      })
    ).json();
    expect(pendingB.items.map((i: { householdId: number }) => i.householdId)).toEqual([b1.id]);
    const tl = (await townA.request({ method: 'GET', url: `/api/households/${a1.id}/timeline` })).json();
    expect(tl.items[0].summary.zh).toContain('存在致贫返贫风险');
  });

  it('keeps writes to the actor’s area and the campaign’s region, and refuses after closing', async () => {
    const b1 = await household(admin, VILLAGE_B1);
    const c = (
      await admin.request({
        method: 'POST',
        url: '/api/screening/campaigns',
        payload: {
          name: '甲镇排查',
          year: 2020,
          regionCode: TOWN_A,
          startDate: '2020-03-01',
          endDate: '2020-03-31',
        },
      })
    ).json();
    await expectRefused(
      t.deps,
      () =>
        townB.request({
          method: 'PUT',
          url: `/api/screening/campaigns/${c.id}/households/${b1.id}`,
          payload: screening(),
        }),
      { status: 409 },
    );
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'PUT',
          url: `/api/screening/campaigns/${c.id}/households/${b1.id}`,
          payload: screening(),
        }),
      { status: 404 },
    );
    await expectRefused(
      t.deps,
      () =>
        inspector.request({
          method: 'PUT',
          url: `/api/screening/campaigns/${c.id}/households/${b1.id}`,
          payload: screening(),
        }),
      { status: 403 },
    );
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: '/api/screening/campaigns',
          payload: {
            name: '乙镇排查',
            year: 2020,
            regionCode: TOWN_A,
            startDate: '2020-03-01',
            endDate: '2020-03-31',
          },
        }),
      { status: 403 },
    );
    const a1 = await household(townA, VILLAGE_A1);
    await expectAudited(
      t.deps,
      () => admin.request({ method: 'POST', url: `/api/screening/campaigns/${c.id}/close` }),
      { action: 'screening.campaign_close', entity: 'screening_campaign' },
    );
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'PUT',
          url: `/api/screening/campaigns/${c.id}/households/${a1.id}`,
          payload: screening(),
        }),
      { status: 409 },
    );
    const bad = await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'PUT',
          url: `/api/screening/campaigns/${c.id}/households/${a1.id}`,
          payload: screening({
            difficulties: { ...screening().difficulties, medical: { level: 'terrible' } },
          }),
        }),
      { status: 400 },
    );
    expect(bad.json().error.details[0].path).toBe('difficulties.medical.level');
  });

  it('finds a campaign household by head name or household number within a region, and counts progress per village', async () => {
    const a1 = await household(townA, VILLAGE_A1);
    const a2 = await household(townA, VILLAGE_A2);
    const b1 = await household(admin, VILLAGE_B1);
    await admin.request({
      method: 'PATCH',
      url: `/api/households/${a2.id}`,
      payload: { householdNo: '349900001234' },
    });
    const c = (
      await admin.request({
        method: 'POST',
        url: '/api/screening/campaigns',
        payload: {
          name: '全区排查',
          year: 2020,
          regionCode: DISTRICT,
          startDate: '2020-03-01',
          endDate: '2020-03-31',
        },
      })
    ).json();
    const list = async (s: Session, query: string) =>
      (
        await s.request({ method: 'GET', url: `/api/screening/campaigns/${c.id}/households?${query}` })
      ).json() as { items: { householdId: number; householdNo: string | null }[] };
    const ids = async (s: Session, query: string) => (await list(s, query)).items.map((i) => i.householdId);

    expect(
      await ids(admin, `q=${encodeURIComponent(a1.headName.slice(0, 1))}&regionCode=${VILLAGE_A1}`),
    ).toEqual([a1.id]);
    expect(await ids(admin, `q=${encodeURIComponent(a1.headName)}`)).toContain(a1.id);
    expect(await ids(admin, `q=${encodeURIComponent(b1.headName)}`)).not.toContain(a1.id);
    const byNo = await list(admin, 'q=349900001234');
    expect(byNo.items).toEqual([
      expect.objectContaining({ householdId: a2.id, householdNo: '349900001234' }),
    ]);
    expect(await ids(admin, `regionCode=${TOWN_A}`)).toEqual([a1.id, a2.id]);
    // A region outside the actor's scope finds nothing; a LIKE wildcard is taken literally.
    expect(await ids(townB, `regionCode=${TOWN_A}`)).toEqual([]);
    expect(await ids(admin, 'q=%25')).toEqual([]);
    const bad = await admin.request({
      method: 'GET',
      url: `/api/screening/campaigns/${c.id}/households?regionCode=12`,
    });
    expect(bad.statusCode).toBe(400);

    await village.request({
      method: 'PUT',
      url: `/api/screening/campaigns/${c.id}/households/${a1.id}`,
      payload: screening({ difficulties: { ...screening().difficulties, medical: { level: 'severe' } } }),
    });
    const progress = (
      await townA.request({ method: 'GET', url: `/api/screening/campaigns/${c.id}/progress` })
    ).json();
    expect(progress.villages).toEqual([
      { regionCode: VILLAGE_A1, regionName: expect.any(String), households: 1, screened: 1, atRisk: 1 },
      { regionCode: VILLAGE_A2, regionName: expect.any(String), households: 1, screened: 0, atRisk: 0 },
    ]);
    expect(progress.towns).toEqual([
      { townCode: TOWN_A, townName: '甲镇', households: 2, screened: 1, atRisk: 1 },
    ]);

    // One household of the campaign for the phone form: its screening, or null before; scoped.
    const one = await village.request({
      method: 'GET',
      url: `/api/screening/campaigns/${c.id}/households/${a1.id}`,
    });
    expect(one.json()).toMatchObject({
      householdId: a1.id,
      headName: a1.headName,
      size: 2,
      record: { atRisk: true, reasons: [{ zh: '看病就医困难严重' }] },
    });
    const before = await admin.request({
      method: 'GET',
      url: `/api/screening/campaigns/${c.id}/households/${b1.id}`,
    });
    expect(before.json()).toMatchObject({ householdId: b1.id, record: null });
    const hidden = await townB.request({
      method: 'GET',
      url: `/api/screening/campaigns/${c.id}/households/${a1.id}`,
    });
    expect(hidden.statusCode).toBe(404);
  });
});
