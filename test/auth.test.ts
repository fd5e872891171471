import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_CACHE_TTL_MS } from '../src/server/domains/auth/session-cache';
import {
  TEST_PASSWORD,
  TOWN_A,
  auditCount,
  createTestApp,
  expectRefused,
  login,
  seedRegions,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'clerk', role: 'town', regionCode: TOWN_A });
});
afterEach(() => t.close());

const attempt = (password: string, username = 'clerk') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('logs in with the right password, sets an httpOnly SameSite cookie and returns the user', async () => {
    const res = await attempt(TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'bangfu_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({
      username: 'clerk',
      role: 'town',
      regionCode: TOWN_A,
      regionName: '甲镇',
    });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await attempt('wrong-password-1');
    const unknown = await attempt('wrong-password-1', 'nobody');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(unknown.json().error.message).toEqual(wrong.json().error.message);
  });

  it('locks the account after five wrong passwords, even against the right one, for 15 minutes', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt(`wrong-password-${i}`)).statusCode).toBe(401);
    expect((await attempt('wrong-password-5')).statusCode).toBe(401);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('auth.locked');
    t.advance(14 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    t.advance(61_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('resets the failure count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await attempt(`wrong-password-${i}`);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt(`wrong-password-${i}`);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('audits each failed login and the lock', async () => {
    for (let i = 0; i < 5; i++) await attempt(`wrong-password-${i}`);
    expect(await auditCount(t.deps, 'auth.login_failed')).toBe(4);
    expect(await auditCount(t.deps, 'auth.locked')).toBe(1);
  });

  it('refuses a form-encoded login (only JSON, so no cross-site form can log a user in)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=clerk&password=${TEST_PASSWORD}`,
    });
    expect(res.statusCode).toBe(415);
  });

  it('slows password spraying from one address with 429 in the one error shape', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await attempt('wrong-password', `nobody-${i}`)).statusCode);
    expect(codes.slice(0, 60).every((c) => c === 401)).toBe(true);
    const limited = await attempt(TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
  });

  it('names the missing field in a 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('password');
  });
});

describe('sessions', () => {
  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('expires a session after 30 idle minutes and says so', async () => {
    const s = await login(t.app, 'clerk');
    t.advance(29 * 60_000);
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.advance(29 * 60_000);
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.advance(31 * 60_000);
    const res = await s.request({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
  });

  it('honours a configured idle expiry', async () => {
    await t.close();
    t = await createTestApp({ sessionIdleMinutes: 5 });
    await seedUser(t.deps, { username: 'admin', role: 'admin' });
    const s = await login(t.app, 'admin');
    t.advance(6 * 60_000);
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('logs out this session only', async () => {
    const a = await login(t.app, 'clerk');
    const b = await login(t.app, 'clerk');
    expect((await a.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await a.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await b.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('logs out everywhere', async () => {
    const a = await login(t.app, 'clerk');
    const b = await login(t.app, 'clerk');
    const res = await a.request({ method: 'POST', url: '/api/auth/logout-all' });
    expect(res.json()).toEqual({ ended: 2 });
    expect((await b.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('refuses a mutation without the CSRF token and changes nothing', async () => {
    const s = await login(t.app, 'admin');
    await expectRefused(
      t.deps,
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/units',
          headers: { cookie: s.cookie },
          payload: { name: '新单位', kind: 'member' },
        }),
      { status: 403, code: 'auth.csrf' },
    );
    await expectRefused(
      t.deps,
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/units',
          headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
          payload: { name: '新单位', kind: 'member' },
        }),
      { status: 403, code: 'auth.csrf' },
    );
  });

  it('changes the own password under the policy and ends other sessions', async () => {
    const a = await login(t.app, 'clerk');
    const b = await login(t.app, 'clerk');
    const short = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('newPassword');
    const wrongCurrent = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-the-password', newPassword: 'a-much-better-one' },
    });
    expect(wrongCurrent.json().error.details[0].path).toBe('currentPassword');
    const res = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-much-better-one' },
    });
    expect(res.statusCode).toBe(200);
    expect((await b.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await a.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'clerk', password: 'a-much-better-one' },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('sessions checked a moment ago (kept in memory on PGlite)', () => {
  const me = (s: Session) => s.request({ method: 'GET', url: '/api/me' });
  const clerkId = async (admin: Session) =>
    (await admin.request({ method: 'GET', url: '/api/users?q=clerk' })).json().items[0].id as number;

  // Each way a session ends, against a session that has just answered (so its check is in memory).
  const endings: [string, (victim: Session, other: Session, admin: Session) => Promise<unknown>][] = [
    ['logout', (victim) => victim.request({ method: 'POST', url: '/api/auth/logout' })],
    [
      'logout everywhere from another device',
      (_v, other) => other.request({ method: 'POST', url: '/api/auth/logout-all' }),
    ],
    [
      'a password change on another device',
      (_v, other) =>
        other.request({
          method: 'POST',
          url: '/api/auth/password',
          payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-much-better-one' },
        }),
    ],
    [
      'the account disabled',
      async (_v, _o, admin) =>
        admin.request({
          method: 'PATCH',
          url: `/api/users/${await clerkId(admin)}`,
          payload: { disabled: true },
        }),
    ],
    [
      'a role change',
      async (_v, _o, admin) =>
        admin.request({
          method: 'PATCH',
          url: `/api/users/${await clerkId(admin)}`,
          payload: { role: 'leader', regionCode: null },
        }),
    ],
    [
      'a password reset by the office',
      async (_v, _o, admin) =>
        admin.request({
          method: 'POST',
          url: `/api/users/${await clerkId(admin)}/password`,
          payload: { password: 'brand-new-pass' },
        }),
    ],
  ];
  for (const [how, end] of endings) {
    it(`refuses a session at once after ${how}`, async () => {
      const admin = await login(t.app, 'admin');
      const victim = await login(t.app, 'clerk');
      const other = await login(t.app, 'clerk');
      expect((await me(victim)).statusCode).toBe(200);
      expect((await me(other)).statusCode).toBe(200);
      const res = (await end(victim, other, admin)) as { statusCode: number; body: string };
      expect(res.statusCode, res.body).toBe(200);
      // Same instant on the test clock: a kept check would still be fresh.
      const after = await me(victim);
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('auth.required');
      // The import poll route may use older checks; it is refused too.
      const poll = await victim.request({
        method: 'GET',
        url: '/api/households/imports/00000000-0000-4000-8000-000000000000',
      });
      expect(poll.statusCode).toBe(401);
    });
  }

  it('still sees a change made to the database directly once the kept check is older than its TTL', async () => {
    const s = await login(t.app, 'clerk');
    expect((await me(s)).statusCode).toBe(200);
    // Not through the services (which forget at once): only the TTL bounds how long the check is reused.
    await t.deps.db.execute(sql`update users set disabled = true where username = 'clerk'`);
    t.advance(SESSION_CACHE_TTL_MS + 1);
    expect((await me(s)).statusCode).toBe(401);
  });
});

describe('security headers and health', () => {
  it('sends security headers and no-store on API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('reports the database reachable and the version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { reachable: true },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('serves the OpenAPI document with the routes and their schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/regions', '/api/units', '/api/audit']),
    );
  });
});
