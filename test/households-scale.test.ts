// The behaviour behind the scale work of issue 3: the bulk re-evaluation writes only the rows whose
// result changed, and what it leaves is what a fresh evaluation stores; the list's index-friendly
// conditions (region forms, the two plans of a name search) select exactly what the plain forms select.
import { and, asc, eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold, syntheticMember, syntheticYear } from '../src/core/households/fixtures';
import { mulberry32 } from '../src/core/identity/random';
import { DEMO_YEAR_CONFIG_2020 } from '../src/core/monitoring/config';
import { householdMembers, households, householdYears, monitoringYearConfigs } from '../src/server/db/schema';
import {
  reevaluateYearInBulk,
  refreshHousehold,
} from '../src/server/domains/households/households.evaluation';
import {
  listConditions,
  listHouseholds,
  regionCondition,
} from '../src/server/domains/households/households.repository';
import {
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
  createTestApp,
  login,
  seedRegions,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let admin: Session;
const rng = mulberry32(31);

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  admin = await login(t.app, 'admin');
}, 120_000); // the first database of a worker is built from the migrations: slow on a loaded machine
afterEach(() => t.close());

let serial = 0;
async function register(village: string, names: string[]): Promise<number> {
  serial += 1;
  const body = syntheticHousehold(rng, village, {
    householdNo: `5100${String(serial).padStart(6, '0')}`,
    members: names.map((name, i) =>
      syntheticMember(rng, {
        name,
        relation: i === 0 ? 'head' : 'son',
        birthDate: i === 0 ? '1970-03-01' : '1998-05-01',
        health: 'healthy',
        labour: 'normal',
        disabilityCertificate: null,
        medicalInsurance: true,
        criticalIllnessInsurance: true,
      }),
    ),
  });
  const res = await admin.request({ method: 'POST', url: '/api/households', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

async function putYear(id: number, perCapita: number) {
  const y = syntheticYear(mulberry32(id), 2, perCapita);
  const res = await admin.request({
    method: 'PUT',
    url: `/api/households/${id}/years/2020`,
    payload: {
      ...y,
      econ: { ...y.econ, rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 } },
      housing: { grade: 'A' },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The stored result columns of the year, by household (no time). */
async function storedResults() {
  const rows = await t.deps.db
    .select()
    .from(householdYears)
    .where(eq(householdYears.year, 2020))
    .orderBy(asc(householdYears.householdId));
  return new Map(
    rows.map((r) => [
      r.householdId,
      {
        householdSize: r.householdSize,
        perCapitaNetIncome: r.perCapitaNetIncome,
        evaluation: r.evaluation,
        assessment: r.assessment,
        flags: r.flags,
        notEvaluated: r.notEvaluated,
        flagRules: r.flagRules,
        flagged: r.flagged,
        evaluatedAt: r.evaluatedAt?.toISOString() ?? null,
      },
    ]),
  );
}

const withoutTime = <T extends { evaluatedAt: unknown }>(r: T) => ({ ...r, evaluatedAt: null });

async function setLine(povertyLine: number) {
  await t.deps.db
    .update(monitoringYearConfigs)
    .set({ config: { ...DEMO_YEAR_CONFIG_2020, povertyLine } })
    .where(eq(monitoringYearConfigs.year, 2020));
}

describe('bulk re-evaluation at scale', () => {
  it('writes only the rows whose result changed, and leaves what a fresh evaluation stores', async () => {
    await t.deps.db.insert(monitoringYearConfigs).values({ year: 2020, config: DEMO_YEAR_CONFIG_2020 });
    const ids: number[] = [];
    // Per-capita incomes around the monitoring line (4,000 × 1.5 = 6,000; after the change 6,750).
    for (const [i, pc] of [3000, 5900, 6100, 6500, 6800, 7000, 9000].entries()) {
      const id = await register(i % 2 ? VILLAGE_A1 : VILLAGE_B1, [`测${i}甲`, `测${i}乙`]);
      await putYear(id, pc);
      ids.push(id);
    }
    const first = await storedResults();

    // Nothing changed: every row evaluated, none written, every evaluated_at kept.
    const same = await reevaluateYearInBulk(t.deps.db, 2020, new Date('2026-04-01T00:00:00Z'), {
      batchSize: 2,
    });
    expect(same).toMatchObject({ evaluated: ids.length, written: 0 });
    expect(await storedResults()).toEqual(first);

    // A higher line: only the households between the two monitoring lines change.
    await setLine(4500);
    const at = new Date('2026-04-02T00:00:00Z');
    const changed = await reevaluateYearInBulk(t.deps.db, 2020, at, { batchSize: 2 });
    const after = await storedResults();
    const differing = ids.filter(
      (id) => JSON.stringify(withoutTime(after.get(id)!)) !== JSON.stringify(withoutTime(first.get(id)!)),
    );
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.length).toBeLessThan(ids.length);
    expect(changed).toMatchObject({ evaluated: ids.length, written: differing.length });
    for (const id of ids) {
      expect(after.get(id)!.evaluatedAt).toBe(
        differing.includes(id) ? at.toISOString() : first.get(id)!.evaluatedAt,
      );
    }
    // The flag count is the year's, not the written rows'.
    expect(changed.flagged).toBe([...after.values()].filter((r) => r.flagged).length);

    // What the bulk path left equals the per-change path's fresh evaluation of every household.
    for (const id of ids) await t.deps.db.transaction((tx) => refreshHousehold(tx, id, at));
    const fresh = await storedResults();
    for (const id of ids) expect(withoutTime(after.get(id)!)).toEqual(withoutTime(fresh.get(id)!));
  });

  it('rewrites a row whose stored result was written without a digest', async () => {
    await t.deps.db.insert(monitoringYearConfigs).values({ year: 2020, config: DEMO_YEAR_CONFIG_2020 });
    const id = await register(VILLAGE_A1, ['改甲', '改乙']);
    await putYear(id, 3000);
    const before = await storedResults();
    expect(before.get(id)!.flagged).toBe(true);
    // Another writer (no digest) left a wrong verdict.
    await t.deps.db
      .update(householdYears)
      .set({ flagged: false, flagRules: [], resultHash: null })
      .where(eq(householdYears.householdId, id));
    const r = await reevaluateYearInBulk(t.deps.db, 2020, new Date('2026-04-03T00:00:00Z'));
    expect(r).toMatchObject({ evaluated: 1, written: 1, flagged: 1 });
    expect(withoutTime((await storedResults()).get(id)!)).toEqual(withoutTime(before.get(id)!));
  });
});

describe('list conditions that the indexes serve', () => {
  it('selects a town and a village by their index forms exactly as by the code prefix', async () => {
    for (const v of [VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, VILLAGE_A1]) await register(v, [`区${v.slice(-3)}`]);
    const ids = async (cond: ReturnType<typeof regionCondition>) =>
      (await t.deps.db.select({ id: households.id }).from(households).where(cond).orderBy(households.id)).map(
        (r) => r.id,
      );
    for (const [code, prefix] of [
      [TOWN_A, TOWN_A.slice(0, 9)],
      [TOWN_B, TOWN_B.slice(0, 9)],
      [VILLAGE_A1, VILLAGE_A1],
      [VILLAGE_B1, VILLAGE_B1],
      [TOWN_A.slice(0, 6) + '000000', TOWN_A.slice(0, 6)],
    ] as const) {
      const expected = await ids(like(households.regionCode, `${prefix}%`));
      expect(expected.length).toBeGreaterThan(0);
      expect(await ids(regionCondition(code))).toEqual(expected);
    }
    expect(await ids(regionCondition(TOWN_A))).toHaveLength(3);

    // A town clerk's region filter: inside the scope, around it, or outside it (nothing).
    const townList = async (regionCode: string) =>
      (
        await listHouseholds(
          t.deps.db,
          listConditions({ kind: 'region', regionCode: TOWN_A }, { regionCode }, null),
          { limit: 50 },
        )
      ).map((r) => r.id);
    expect(await townList(VILLAGE_A1)).toEqual(await ids(like(households.regionCode, `${VILLAGE_A1}%`)));
    expect(await townList(VILLAGE_A1)).toHaveLength(2);
    expect(await townList(TOWN_A.slice(0, 6) + '000000')).toEqual(await ids(regionCondition(TOWN_A)));
    expect(await townList(VILLAGE_B1)).toEqual([]);
    expect(await townList(TOWN_B)).toEqual([]);
  });

  it('finds the same households by name on both plans of a search (frequent and rare prefix)', async () => {
    const a = await register(VILLAGE_A1, ['欧阳春', '李四']);
    const b = await register(VILLAGE_A2, ['王五', '欧阳夏']);
    const c = await register(VILLAGE_B1, ['欧阳秋']);
    const d = await register(VILLAGE_A1, ['赵六', '钱七']);
    // A member who left no longer makes the household match; the head's name always does.
    await t.deps.db
      .update(householdMembers)
      .set({ active: false })
      .where(and(eq(householdMembers.householdId, d), eq(householdMembers.name, '钱七')));
    const [hd] = await t.deps.db.select().from(households).where(eq(households.id, d));
    const search = async (q: string, frequentName: boolean, scope = { kind: 'all' } as const) => {
      const rows = await listHouseholds(t.deps.db, listConditions(scope, { q }, null, { frequentName }), {
        limit: 50,
      });
      return rows.map((r) => r.id);
    };
    const cases: [string, number[]][] = [
      ['欧阳', [a, b, c]],
      ['欧阳夏', [b]],
      ['李', [a]],
      ['钱', []],
      ['赵', [d]],
      [hd!.householdNo!, [d]],
    ];
    for (const [q, expected] of cases) {
      expect(await search(q, false), q).toEqual(expected);
      expect(await search(q, true), q).toEqual(expected);
    }
    // Scoped: town A's clerk never sees town B's match, on either plan.
    for (const frequentName of [false, true]) {
      const scoped = await listHouseholds(
        t.deps.db,
        listConditions({ kind: 'region', regionCode: TOWN_A }, { q: '欧阳' }, null, { frequentName }),
        { limit: 50 },
      );
      expect(scoped.map((r) => r.id)).toEqual([a, b]);
    }
    // The keyset pages the same way on both plans.
    for (const frequentName of [false, true]) {
      const page = await listHouseholds(
        t.deps.db,
        listConditions({ kind: 'all' }, { q: '欧阳' }, null, { frequentName }),
        { limit: 2, after: a },
      );
      expect(page.map((r) => r.id)).toEqual([b, c]);
    }
  });
});
