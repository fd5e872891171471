import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
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
let unitUser: Session;
let unitId: number;
let villageB: number;

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  unitId = await seedUnit(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'clerk-a', role: 'town', regionCode: TOWN_A });
  await seedUser(t.deps, { username: 'clerk-b', role: 'town', regionCode: TOWN_B });
  await seedUser(t.deps, { username: 'cadre-a1', role: 'village', regionCode: VILLAGE_A1 });
  villageB = await seedUser(t.deps, { username: 'cadre-b1', role: 'village', regionCode: VILLAGE_B1 });
  await seedUser(t.deps, { username: 'unit-user', role: 'unit', unitId });
  await seedUser(t.deps, { username: 'leader', role: 'leader' });
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
  unitUser = await login(t.app, 'unit-user');
});
afterEach(() => t.close());

const newVillageUser = (regionCode: string, username = 'new-cadre') => ({
  username,
  displayName: '新村干部',
  role: 'village',
  regionCode,
  password: 'village-pass-123',
});

describe('user management by the office', () => {
  it('creates a town user scoped to one town, audited once, without the password hash', async () => {
    const { res, row } = await expectAudited(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/users',
          payload: {
            username: 'clerk-c',
            displayName: '丙镇专干',
            role: 'town',
            regionCode: TOWN_A,
            password: 'long-enough-1',
          },
        }),
      { action: 'user.create', entity: 'user', status: 201 },
    );
    expect(res.json()).toMatchObject({
      username: 'clerk-c',
      role: 'town',
      regionCode: TOWN_A,
      regionName: '甲镇',
    });
    expect(res.body).not.toContain('passwordHash');
    expect(JSON.stringify(row.after)).not.toContain('long-enough-1');
    expect((await login(t.app, 'clerk-c', 'long-enough-1')).csrf).toBeTruthy();
  });

  it('enforces the password policy with a located error', async () => {
    for (const password of ['short-pw', 'clerk-cccc']) {
      const res = await expectRefused(
        t.deps,
        () =>
          admin.request({
            method: 'POST',
            url: '/api/users',
            payload: { username: 'clerk-cccc', displayName: 'x', role: 'admin', password },
          }),
        { status: 400, code: 'validation' },
      );
      expect(res.json().error.details[0].path).toBe('password');
    }
  });

  it('requires a town-level region for a town user and a unit for a unit user', async () => {
    const village = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/users',
          payload: {
            username: 'x-town',
            displayName: 'x',
            role: 'town',
            regionCode: VILLAGE_A1,
            password: 'long-enough-1',
          },
        }),
      { status: 400 },
    );
    expect(village.json().error.details[0]).toMatchObject({ path: 'regionCode', code: 'region.wrong_level' });
    const noUnit = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/users',
          payload: { username: 'x-unit', displayName: 'x', role: 'unit', password: 'long-enough-1' },
        }),
      { status: 400 },
    );
    expect(noUnit.json().error.details[0].path).toBe('unitId');
  });

  it('refuses a duplicate username (case-insensitive) with 409', async () => {
    const res = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/users',
          payload: { username: 'ADMIN', displayName: 'x', role: 'leader', password: 'long-enough-1' },
        }),
      { status: 409, code: 'conflict' },
    );
    expect(res.json().error.details[0].path).toBe('username');
  });

  it('disables a user, ending their sessions', async () => {
    const b = await login(t.app, 'clerk-b');
    const list = await admin.request({ method: 'GET', url: '/api/users?q=clerk-b' });
    const id = list.json().items[0].id;
    await expectAudited(
      t.deps,
      () => admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { disabled: true } }),
      {
        action: 'user.update',
        entity: 'user',
      },
    );
    expect((await b.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('resets a password and unlocks, each audited once', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'clerk-b', password: `bad-password-${i}` },
      });
    }
    const id = (await admin.request({ method: 'GET', url: '/api/users?q=clerk-b' })).json().items[0].id;
    expect((await admin.request({ method: 'GET', url: `/api/users/${id}` })).json().locked).toBe(true);
    await expectAudited(t.deps, () => admin.request({ method: 'POST', url: `/api/users/${id}/unlock` }), {
      action: 'user.unlock',
      entity: 'user',
    });
    await expectAudited(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: `/api/users/${id}/password`,
          payload: { password: 'brand-new-pass' },
        }),
      { action: 'user.reset_password', entity: 'user' },
    );
    await login(t.app, 'clerk-b', 'brand-new-pass');
  });

  it('pages users by keyset', async () => {
    const first = (await admin.request({ method: 'GET', url: '/api/users?limit=3' })).json();
    expect(first.items).toHaveLength(3);
    const second = (
      await admin.request({ method: 'GET', url: `/api/users?limit=3&after=${first.nextAfter}` })
    ).json();
    expect(second.items[0].id).toBeGreaterThan(first.items[2].id);
  });
});

describe('user scope', () => {
  it('shows a town only the users of its own area', async () => {
    const res = await townA.request({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(200);
    const names = res
      .json()
      .items.map((u: { username: string }) => u.username)
      .sort();
    expect(names).toEqual(['cadre-a1', 'clerk-a']);
  });

  it('hides another town’s user as not found', async () => {
    await expectRefused(t.deps, () => townA.request({ method: 'GET', url: `/api/users/${villageB}` }), {
      status: 404,
      code: 'not_found',
    });
    await expectRefused(
      t.deps,
      () =>
        townA.request({ method: 'PATCH', url: `/api/users/${villageB}`, payload: { displayName: '改名' } }),
      { status: 404, code: 'not_found' },
    );
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: `/api/users/${villageB}/password`,
          payload: { password: 'hijacked-pass-1' },
        }),
      { status: 404 },
    );
  });

  it('lets a town create a village cadre in its own village, not in another town’s', async () => {
    await expectAudited(
      t.deps,
      () => townA.request({ method: 'POST', url: '/api/users', payload: newVillageUser(VILLAGE_A1) }),
      {
        action: 'user.create',
        entity: 'user',
        status: 201,
      },
    );
    await expectRefused(
      t.deps,
      () =>
        townA.request({ method: 'POST', url: '/api/users', payload: newVillageUser(VILLAGE_B1, 'other') }),
      {
        status: 403,
        code: 'forbidden',
      },
    );
  });

  it('does not let a town create town clerks or admins', async () => {
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: '/api/users',
          payload: { username: 'boss', displayName: 'x', role: 'admin', password: 'long-enough-1' },
        }),
      { status: 403 },
    );
  });

  it('does not let a unit user read or manage users', async () => {
    await expectRefused(t.deps, () => unitUser.request({ method: 'GET', url: '/api/users' }), {
      status: 403,
      code: 'forbidden',
    });
    await expectRefused(
      t.deps,
      () => unitUser.request({ method: 'POST', url: '/api/users', payload: newVillageUser(VILLAGE_A1) }),
      {
        status: 403,
      },
    );
  });

  it('lets a leader read users but change none', async () => {
    const leader = await login(t.app, 'leader');
    expect((await leader.request({ method: 'GET', url: '/api/users' })).json().items.length).toBeGreaterThan(
      5,
    );
    await expectRefused(
      t.deps,
      () => leader.request({ method: 'PATCH', url: `/api/users/${villageB}`, payload: { disabled: true } }),
      {
        status: 403,
      },
    );
  });

  it('refuses every user route without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', '/api/users/1'],
      ['POST', '/api/users'],
      ['PATCH', '/api/users/1'],
    ] as const) {
      expect(
        (await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} })).statusCode,
      ).toBe(401);
    }
  });
});
