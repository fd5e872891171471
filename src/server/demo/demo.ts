import { count, eq } from 'drizzle-orm';
import type { Actor } from '../../core/accounts/scope';
import { AppError } from '../../core/errors/errors';
import { audit } from '../audit/audit';
import { appMeta, regions, units, users } from '../db/schema';
import type { Deps } from '../deps';
import { hashPassword } from '../domains/auth/passwords';
import { loadPlanDemo } from '../domains/progress/progress.demo';
import { analyzeAfterBulkWrite } from '../db/client';
import { loadHouseholdsDemo } from '../domains/households/households.demo';
import { loadScreeningDemo } from '../domains/screening/screening.demo';
import { DEMO_PASSWORD, DEMO_SEED, demoRegions, demoUnits, demoUsers } from './demo-data';

export const DEMO_META_KEY = 'demo';

/** The actor for changes made from the command line or at start-up (audited as `system`). */
export const SYSTEM_ACTOR: Actor = {
  id: 0,
  username: 'system',
  role: 'admin',
  regionCode: null,
  unitId: null,
};

export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  const [u] = await deps.db.select({ n: count() }).from(users);
  const [r] = await deps.db.select({ n: count() }).from(regions);
  return u!.n === 0 && r!.n === 0;
}

/**
 * Loads the demo district (regions, units, one account per role) into an empty database, in one
 * transaction. Later domains add their demo records here.
 */
export async function loadDemo(
  deps: Deps,
  actor: Actor = SYSTEM_ACTOR,
): Promise<{ regions: number; units: number; users: number }> {
  if (!(await isDatabaseEmpty(deps))) {
    throw new AppError('conflict', {
      zh: '数据库不是空的，不能载入演示数据',
      en: 'The database is not empty; demo data loads only into an empty one',
    });
  }
  const regionRows = demoRegions(DEMO_SEED);
  const unitRows = demoUnits();
  const userRows = demoUsers(regionRows);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await deps.db.transaction(async (tx) => {
    await tx.insert(regions).values(regionRows.map((r) => ({ ...r, countyCode: r.code.slice(0, 6) })));
    const inserted = await tx
      .insert(units)
      .values(
        unitRows.map((u, i) => ({
          name: u.name,
          kind: u.kind,
          regionCode: u.regionCode,
          leaderName: u.leaderName,
          sort: i,
        })),
      )
      .returning({ id: units.id, name: units.name });
    const unitId = new Map(unitRows.map((u) => [u.key, inserted.find((r) => r.name === u.name)!.id]));
    await tx.insert(users).values(
      userRows.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        regionCode: u.regionCode,
        unitId: u.unitKey ? unitId.get(u.unitKey)! : null,
        passwordHash,
      })),
    );
    await loadPlanDemo(deps, tx, actor, DEMO_SEED);
    await loadHouseholdsDemo(deps, tx, actor, DEMO_SEED);
    await loadScreeningDemo(deps, tx, DEMO_SEED);
    await tx.insert(appMeta).values({ key: DEMO_META_KEY, value: { loaded: true, seed: DEMO_SEED } });
    await audit(tx, actor, {
      action: 'demo.load',
      entity: 'system',
      entityId: null,
      after: { regions: regionRows.length, units: unitRows.length, users: userRows.length, seed: DEMO_SEED },
    });
  });
  await analyzeAfterBulkWrite(deps.database);
  return { regions: regionRows.length, units: unitRows.length, users: userRows.length };
}

/** The demo accounts still present, for the login page; empty when no demo is loaded. */
export async function demoAccounts(deps: Deps) {
  const [meta] = await deps.db.select().from(appMeta).where(eq(appMeta.key, DEMO_META_KEY));
  if (!meta || !(meta.value as { loaded?: boolean }).loaded) return { loaded: false, accounts: [] };
  const present = new Set(
    (await deps.db.select({ username: users.username }).from(users)).map((u) => u.username),
  );
  const accounts = demoUsers(demoRegions(DEMO_SEED))
    .filter((u) => present.has(u.username))
    .map((u) => ({ username: u.username, role: u.role, displayName: u.displayName, scope: u.scope }));
  return { loaded: true, accounts, password: DEMO_PASSWORD };
}
