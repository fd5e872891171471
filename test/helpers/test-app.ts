import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Role } from '../../src/core/accounts/roles';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { auditLog, regions, units, users } from '../../src/server/db/schema';
import type { Deps } from '../../src/server/deps';
import { hashPassword } from '../../src/server/domains/auth/passwords';
import { createPii, keyIdOf } from '../../src/server/pii/pii';
import { createTestDatabase } from './test-db';

export const TEST_PASSWORD = 'correct-horse-42';

export interface TestContext {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  /** Moves the test clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** A Bangfu app on a fresh database with a movable clock and a throwaway personal-data key. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  let now = new Date('2026-03-02T09:00:00+08:00').getTime();
  const key = crypto.randomBytes(32);
  const config = { ...loadConfig({}), webDir: '/nonexistent', ...overrides };
  const deps: Deps = {
    db: database.db,
    database,
    config,
    pii: createPii({ current: { id: keyIdOf(key), key }, previous: [] }),
    now: () => new Date(now),
  };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    advance(ms) {
      now += ms;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A small district: one county with two towns (A, B), two villages each, and a paired county. */
export const DISTRICT = '349901000000';
export const TOWN_A = '349901100000';
export const TOWN_B = '349901101000';
export const VILLAGE_A1 = '349901100201';
export const VILLAGE_A2 = '349901100202';
export const VILLAGE_B1 = '349901101201';
export const PAIRED = '349921000000';
export const PAIRED_TOWNSHIP = '349921200000';

export async function seedRegions(deps: Deps): Promise<void> {
  const r = (code: string, name: string, level: string, parentCode: string | null, tree = 'district') => ({
    code,
    name,
    level,
    parentCode,
    tree,
    countyCode: code.slice(0, 6),
  });
  await deps.db
    .insert(regions)
    .values([
      r(DISTRICT, '测试区', 'county', null),
      r(TOWN_A, '甲镇', 'town', DISTRICT),
      r(TOWN_B, '乙镇', 'town', DISTRICT),
      r(VILLAGE_A1, '甲一村', 'village', TOWN_A),
      r(VILLAGE_A2, '甲二村', 'village', TOWN_A),
      r(VILLAGE_B1, '乙一村', 'village', TOWN_B),
      r(PAIRED, '结对县', 'county', null, 'paired'),
      r(PAIRED_TOWNSHIP, '结对乡', 'town', PAIRED, 'paired'),
    ]);
}

export async function seedUnit(
  deps: Deps,
  name = '区农业农村局',
  kind = 'member',
  regionCode: string | null = null,
): Promise<number> {
  const [row] = await deps.db.insert(units).values({ name, kind, regionCode }).returning({ id: units.id });
  return row!.id;
}

/** Inserts a user directly (no audit): test setup, not the behaviour under test. */
export async function seedUser(
  deps: Deps,
  user: {
    username: string;
    role: Role;
    regionCode?: string | null;
    unitId?: number | null;
    password?: string;
  },
): Promise<number> {
  const [row] = await deps.db
    .insert(users)
    .values({
      username: user.username,
      displayName: user.username,
      role: user.role,
      regionCode: user.regionCode ?? null,
      unitId: user.unitId ?? null,
      passwordHash: await hashPassword(user.password ?? TEST_PASSWORD),
    })
    .returning({ id: users.id });
  return row!.id;
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Sends a request as this user, with the CSRF header on mutations. */
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const setCookie = res.cookies.find((c) => c.name === 'bangfu_session');
  const cookie = `bangfu_session=${setCookie!.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    request(opts) {
      return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie, 'x-csrf-token': csrf } });
    },
  };
}

export async function auditCount(deps: Deps, action?: string): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(auditLog)
    .where(action ? eq(auditLog.action, action) : undefined);
  return row!.n;
}

/**
 * Runs a mutating request and asserts it succeeded and left exactly one audit row, with the given
 * action. Every domain's route tests use this for each mutating route.
 */
export async function expectAudited(
  deps: Deps,
  send: () => Promise<LightMyRequestResponse>,
  expected: { action: string; entity: string; status?: number },
) {
  const before = await auditCount(deps);
  const res = await send();
  expect(res.statusCode, res.body).toBe(expected.status ?? 200);
  expect(await auditCount(deps)).toBe(before + 1);
  const [last] = await deps.db.select().from(auditLog).orderBy(auditLog.id).limit(1).offset(before);
  expect(last).toMatchObject({ action: expected.action, entity: expected.entity });
  return { res, row: last! };
}

/** Asserts a refused request changed nothing (no audit row) and answered with the given status and code. */
export async function expectRefused(
  deps: Deps,
  send: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code?: string },
) {
  const before = await auditCount(deps);
  const res = await send();
  expect(res.statusCode, res.body).toBe(expected.status);
  if (expected.code) expect((res.json() as { error: { code: string } }).error.code).toBe(expected.code);
  expect(await auditCount(deps)).toBe(before);
  return res;
}
