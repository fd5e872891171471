import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DISTRICT,
  PAIRED,
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
  VILLAGE_B1,
  createTestApp,
  expectAudited,
  expectRefused,
  login,
  seedRegions,
  seedUnit,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let admin: Session;
let townA: Session;

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'clerk-a', role: 'town', regionCode: TOWN_A });
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
});
afterEach(() => t.close());

const codes = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((r) => r.code);

describe('region tree', () => {
  it('gives the office the whole district tree with kinds derived from the codes', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/regions?tree=district' });
    expect(codes(res)).toHaveLength(6);
    const village = res.json().items.find((r: { code: string }) => r.code === VILLAGE_A1);
    expect(village).toMatchObject({ level: 'village', kindLabel: '村', parentCode: TOWN_A });
    expect(res.json().items.find((r: { code: string }) => r.code === TOWN_A).kindLabel).toBe('镇');
  });

  it('shows a town user only its own part of the district', async () => {
    const res = await townA.request({ method: 'GET', url: '/api/regions?tree=district' });
    expect(codes(res).sort()).toEqual([TOWN_A, VILLAGE_A1, '349901100202'].sort());
  });

  it('lets every role read the paired county (activities are recorded there)', async () => {
    expect(codes(await townA.request({ method: 'GET', url: '/api/regions?tree=paired' }))).toContain(PAIRED);
  });

  it('hides another town’s region as not found, for reading and for changing', async () => {
    await expectRefused(t.deps, () => townA.request({ method: 'GET', url: `/api/regions/${VILLAGE_B1}` }), {
      status: 404,
    });
    await expectRefused(
      t.deps,
      () => townA.request({ method: 'PATCH', url: `/api/regions/${VILLAGE_B1}`, payload: { name: '改名' } }),
      {
        status: 404,
      },
    );
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: '/api/regions',
          payload: { code: '349901101203', name: '新村', parentCode: TOWN_B, tree: 'district' },
        }),
      { status: 403 },
    );
  });

  it('lets a town rename its own village but not itself', async () => {
    await expectAudited(
      t.deps,
      () =>
        townA.request({ method: 'PATCH', url: `/api/regions/${VILLAGE_A1}`, payload: { name: '甲一新村' } }),
      {
        action: 'region.update',
        entity: 'region',
      },
    );
    await expectRefused(
      t.deps,
      () => townA.request({ method: 'PATCH', url: `/api/regions/${TOWN_A}`, payload: { name: '甲街道' } }),
      {
        status: 403,
      },
    );
  });

  it('creates a village under its town, audited once', async () => {
    const { res } = await expectAudited(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/regions',
          payload: { code: '349901101202', name: '乙二村', parentCode: TOWN_B, tree: 'district' },
        }),
      { action: 'region.create', entity: 'region', status: 201 },
    );
    expect(res.json()).toMatchObject({ level: 'village', parentCode: TOWN_B });
  });

  it('rejects codes that break the division rules, naming the field', async () => {
    const cases: [string, string, string][] = [
      ['34990110120', TOWN_B, 'region.format'],
      ['349901101450', TOWN_B, 'region.villageSegment'],
      ['349901100203', TOWN_B, 'region.notInside'],
      ['349901101203', DISTRICT, 'region.notNextLevel'],
    ];
    for (const [code, parentCode, expected] of cases) {
      const res = await expectRefused(
        t.deps,
        () =>
          admin.request({
            method: 'POST',
            url: '/api/regions',
            payload: { code, name: '错村', parentCode, tree: 'district' },
          }),
        { status: 400 },
      );
      expect(res.json().error.details[0].code, code).toBe(expected);
    }
  });

  it('refuses a duplicate code with 409', async () => {
    await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/regions',
          payload: { code: VILLAGE_A1, name: '重复', parentCode: TOWN_A, tree: 'district' },
        }),
      { status: 409, code: 'conflict' },
    );
  });
});

describe('region CSV import', () => {
  it('imports a town and its villages in any order, audited once', async () => {
    const csv = '\uFEFF区划代码,名称\n349901102201,丙一村\n349901102000,丙镇\n349901102001,丙城社区\n';
    const { res } = await expectAudited(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/regions/import', payload: { tree: 'district', csv } }),
      {
        action: 'region.import',
        entity: 'region',
      },
    );
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const village = await admin.request({ method: 'GET', url: '/api/regions/349901102001' });
    expect(village.json()).toMatchObject({ kindLabel: '社区', parentCode: '349901102000' });
  });

  it('reports every bad row by line and column and writes nothing', async () => {
    const csv = [
      '代码,名称',
      '349901102000,丙镇',
      '349901102201,',
      '349901102999,坏村',
      '349901109201,孤村',
      '349901102000,丙镇重复',
    ].join('\n');
    const res = await expectRefused(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/regions/import', payload: { tree: 'district', csv } }),
      {
        status: 400,
      },
    );
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['csv!3:名称', 'csv!4:代码', 'csv!5:代码', 'csv!6:代码']);
    expect((await admin.request({ method: 'GET', url: '/api/regions/349901102000' })).statusCode).toBe(404);
  });

  it('refuses a file without the code and name headers', async () => {
    const res = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/regions/import',
          payload: { tree: 'district', csv: 'a,b\n1,2' },
        }),
      { status: 400 },
    );
    expect(res.json().error.details[0].code).toBe('csv.header');
  });

  it('is for the office only', async () => {
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: '/api/regions/import',
          payload: { tree: 'district', csv: '代码,名称\n349901100203,新村' },
        }),
      { status: 403 },
    );
  });
});

describe('units', () => {
  it('lets the office create and update a unit, each audited once; others read only', async () => {
    const { res } = await expectAudited(
      t.deps,
      () =>
        admin.request({ method: 'POST', url: '/api/units', payload: { name: '区审计局', kind: 'member' } }),
      { action: 'unit.create', entity: 'unit', status: 201 },
    );
    const id = res.json().id;
    await expectAudited(
      t.deps,
      () => admin.request({ method: 'PATCH', url: `/api/units/${id}`, payload: { active: false } }),
      {
        action: 'unit.update',
        entity: 'unit',
      },
    );
    expect(
      (await townA.request({ method: 'GET', url: '/api/units' }))
        .json()
        .items.map((u: { name: string }) => u.name),
    ).toContain('区审计局');
    await expectRefused(
      t.deps,
      () => townA.request({ method: 'POST', url: '/api/units', payload: { name: '某局', kind: 'member' } }),
      {
        status: 403,
      },
    );
  });

  it('requires a town for a town office and refuses duplicate names', async () => {
    await seedUnit(t.deps, '区审计局');
    const res = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/units',
          payload: { name: '甲镇人民政府', kind: 'town_office' },
        }),
      {
        status: 400,
      },
    );
    expect(res.json().error.details[0].path).toBe('regionCode');
    await expectRefused(
      t.deps,
      () =>
        admin.request({ method: 'POST', url: '/api/units', payload: { name: '区审计局', kind: 'member' } }),
      {
        status: 409,
      },
    );
  });

  it('answers 404 for a unit that does not exist', async () => {
    await expectRefused(
      t.deps,
      () => admin.request({ method: 'PATCH', url: '/api/units/9999', payload: { active: false } }),
      { status: 404 },
    );
  });
});

describe('audit log', () => {
  it('lets the office filter the log by entity and action, newest first', async () => {
    await admin.request({ method: 'PATCH', url: `/api/regions/${VILLAGE_A1}`, payload: { name: '新名一' } });
    await admin.request({ method: 'PATCH', url: `/api/regions/${VILLAGE_A1}`, payload: { name: '新名二' } });
    const res = await admin.request({
      method: 'GET',
      url: `/api/audit?entity=region&entityId=${VILLAGE_A1}`,
    });
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items[0].after.name).toBe('新名二');
    expect(items[0].before.name).toBe('新名一');
    expect(items[0].actorUsername).toBe('admin');
    expect(items[0].requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('is closed to towns', async () => {
    await expectRefused(t.deps, () => townA.request({ method: 'GET', url: '/api/audit' }), { status: 403 });
  });

  it('rejects a malformed date filter, naming the parameter', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/audit?from=2026-13-40' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.from');
  });
});
