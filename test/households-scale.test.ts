// The behaviour behind the scale work of issue 3: the bulk re-evaluation writes only the rows whose
// result changed, and what it leaves is what a fresh evaluation stores; the list's index-friendly
// conditions (region forms, the two plans of a name search) select exactly what the plain forms select.
import { and, asc, eq, like, sql } from 'drizzle-orm';
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

async function putYear(id: number, perCapita: number, year = 2020) {
  const y = syntheticYear(mulberry32(id), 2, perCapita);
  const res = await admin.request({
    method: 'PUT',
    url: `/api/households/${id}/years/${year}`,
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

    // The first run knows nothing of the year (no digest yet): every row evaluated, none written (each
    // write evaluated its household already), every evaluated_at kept.
    const same = await reevaluateYearInBulk(t.deps.db, 2020, new Date('2026-04-01T00:00:00Z'), {
      batchSize: 2,
    });
    expect(same).toMatchObject({ evaluated: ids.length, written: 0 });
    expect(await storedResults()).toEqual(first);
    // Now the year is current: nothing to evaluate, the year's flag count still reported.
    const again = await reevaluateYearInBulk(t.deps.db, 2020, new Date('2026-04-01T00:00:00Z'));
    expect(again).toMatchObject({ evaluated: 0, written: 0, flagged: same.flagged });
    // A single write keeps the year current (it evaluates with the current thresholds).
    await putYear(ids[0]!, 3100);
    expect(await reevaluateYearInBulk(t.deps.db, 2020, new Date())).toMatchObject({ evaluated: 0 });
    await putYear(ids[0]!, 3000);

    // A higher line: only the households between the two monitoring lines change, and only the rows
    // whose per-capita income lies between the old and the new lines (6,100 and 6,500) are even read.
    await setLine(4500);
    const at = new Date('2026-04-02T00:00:00Z');
    const changed = await reevaluateYearInBulk(t.deps.db, 2020, at, { batchSize: 2 });
    const after = await storedResults();
    const differing = ids.filter(
      (id) => JSON.stringify(withoutTime(after.get(id)!)) !== JSON.stringify(withoutTime(first.get(id)!)),
    );
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.length).toBeLessThan(ids.length);
    expect(changed).toMatchObject({ selected: 'thresholds', evaluated: 2, written: differing.length });
    for (const id of ids) {
      expect(after.get(id)!.evaluatedAt).toBe(
        differing.includes(id) ? at.toISOString() : first.get(id)!.evaluatedAt,
      );
    }
    // The flag count is the year's, not the written rows'.
    expect(changed.flagged).toBe([...after.values()].filter((r) => r.flagged).length);

    expect(await reevaluateYearInBulk(t.deps.db, 2020, at)).toMatchObject({ evaluated: 0 });
    // Another rules version (or thresholds) than the year was last evaluated with: all rows again.
    await t.deps.db
      .update(monitoringYearConfigs)
      .set({ evaluatedWith: 'older rules' })
      .where(eq(monitoringYearConfigs.year, 2020));
    expect(await reevaluateYearInBulk(t.deps.db, 2020, at)).toMatchObject({
      evaluated: ids.length,
      written: 0,
    });

    // Lowering the line again reads the same two rows and restores what was stored first.
    await setLine(4000);
    expect(await reevaluateYearInBulk(t.deps.db, 2020, at)).toMatchObject({
      selected: 'thresholds',
      evaluated: 2,
      written: 2,
    });
    expect([...(await storedResults()).values()].map(withoutTime)).toEqual(
      [...first.values()].map(withoutTime),
    );
    await setLine(4500);
    await reevaluateYearInBulk(t.deps.db, 2020, at);

    // What the bulk path left equals the per-change path's fresh evaluation of every household.
    for (const id of ids) await t.deps.db.transaction((tx) => refreshHousehold(tx, id, at));
    const fresh = await storedResults();
    for (const id of ids) expect(withoutTime(after.get(id)!)).toEqual(withoutTime(fresh.get(id)!));
  });

  it('reads every row when a rule is switched, none when only the exit rule moves, all after an unfinished change', async () => {
    const cfg = DEMO_YEAR_CONFIG_2020;
    const put = async (config: typeof cfg) => {
      const res = await admin.request({
        method: 'PUT',
        url: '/api/monitoring/year-configs/2020',
        payload: config,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { reevaluated: number };
    };
    await put(cfg);
    const ids: number[] = [];
    for (const [i, pc] of [3000, 6100, 9000].entries()) {
      const id = await register(VILLAGE_A1, [`换${i}甲`, `换${i}乙`]);
      await putYear(id, pc);
      ids.push(id);
    }
    await put(cfg); // the year's first complete run with these thresholds
    expect((await put({ ...cfg, exit: { minMonthsAboveRange: 9 } })).reevaluated).toBe(0);
    expect(
      (await put({ ...cfg, incomeDrop: { ...cfg.incomeDrop, requireBelowMonitoringLine: false } }))
        .reevaluated,
    ).toBe(ids.length);
    // Thresholds saved without a complete run after them (as if the run had stopped), then changed again:
    // rows may be current under either, so the next run reads them all.
    await put(cfg);
    await setLine(4500);
    expect((await put({ ...cfg, povertyLine: 4400 })).reevaluated).toBe(ids.length);
    // …while a complete run since lets the next change read only the row near the line (6,100).
    expect((await put({ ...cfg, povertyLine: 4000 })).reevaluated).toBe(1);
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
    // The same in a year already current: a row without a digest is never skipped.
    await t.deps.db
      .update(householdYears)
      .set({ flagged: false, flagRules: [], resultHash: null })
      .where(eq(householdYears.householdId, id));
    const again = await reevaluateYearInBulk(t.deps.db, 2020, new Date('2026-04-03T00:00:00Z'));
    expect(again).toMatchObject({ evaluated: 1, written: 1, flagged: 1 });
  });

  it("re-evaluates a year when the previous year's income changes (the income-drop rule reads it)", async () => {
    await t.deps.db.insert(monitoringYearConfigs).values([
      { year: 2019, config: { ...DEMO_YEAR_CONFIG_2020, year: 2019 } },
      { year: 2020, config: DEMO_YEAR_CONFIG_2020 },
    ]);
    const id = await register(VILLAGE_A1, ['降甲', '降乙']);
    await putYear(id, 5000, 2020);
    await putYear(id, 5000, 2019);
    const drop = async () => (await storedResults()).get(id)!.flagRules.includes('incomeDrop');
    expect(await drop()).toBe(false);
    // A single write to 2019 re-evaluates 2020 at once: 10,000 → 5,000 is a drop of half.
    await putYear(id, 10000, 2019);
    expect(await drop()).toBe(true);
    await putYear(id, 5000, 2019);
    expect(await drop()).toBe(false);
    // The bulk path: when re-deriving 2019 changes a per-capita income (a rules change), 2020 follows even
    // though 2020 itself is current. Simulated: 2019 stored with another income and no digest, 2020 stale.
    await reevaluateYearInBulk(t.deps.db, 2020, new Date());
    await t.deps.db
      .update(householdYears)
      .set({ perCapitaNetIncome: 10000, resultHash: null })
      .where(and(eq(householdYears.householdId, id), eq(householdYears.year, 2019)));
    await t.deps.db
      .update(householdYears)
      .set({ flagged: true, flagRules: ['incomeDrop'], resultHash: 'stale' })
      .where(and(eq(householdYears.householdId, id), eq(householdYears.year, 2020)));
    expect(await reevaluateYearInBulk(t.deps.db, 2020, new Date())).toMatchObject({ evaluated: 0 });
    expect(await drop()).toBe(true); // the stale 2020 row, not evaluated by a current year's run
    const r = await reevaluateYearInBulk(t.deps.db, 2019, new Date());
    expect(r.written).toBe(2); // 2019 itself and 2020
    expect(await drop()).toBe(false);
  });

  it('follows into the next year past a page of households that have no row in it', async () => {
    await t.deps.db.insert(monitoringYearConfigs).values([
      { year: 2019, config: { ...DEMO_YEAR_CONFIG_2020, year: 2019 } },
      { year: 2020, config: DEMO_YEAR_CONFIG_2020 },
    ]);
    const first = await register(VILLAGE_A1, ['页甲', '页乙']); // no 2020 row
    const second = await register(VILLAGE_A1, ['页丙', '页丁']);
    await putYear(first, 5000, 2019);
    await putYear(second, 5000, 2019);
    await putYear(second, 5000, 2020);
    // Both 2019 incomes stored as something else (a rules change): re-deriving them changes both.
    await t.deps.db
      .update(householdYears)
      .set({ perCapitaNetIncome: 10000, resultHash: null })
      .where(eq(householdYears.year, 2019));
    await t.deps.db
      .update(householdYears)
      .set({ flagged: true, flagRules: ['incomeDrop'], resultHash: 'stale' })
      .where(and(eq(householdYears.householdId, second), eq(householdYears.year, 2020)));
    // One household per page: the first page of 2020 follow-ups holds only the household without a row.
    const r = await reevaluateYearInBulk(t.deps.db, 2019, new Date(), { batchSize: 1 });
    expect(r.written).toBe(3); // both 2019 rows and the second household's 2020 row
    expect((await storedResults()).get(second)!.flagRules).not.toContain('incomeDrop');
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

  it("finds a name anywhere in an active member's name, the same on both plans (n-gram index, list order)", async () => {
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
    // The planner's two ways: the GIN index on the grams, or the list order with the grams as a filter.
    type Scope = Parameters<typeof listConditions>[0];
    const search = (q: string, plan: 'gin' | 'walk', scope: Scope = { kind: 'all' }, after?: number) =>
      t.deps.db.transaction(async (tx) => {
        await tx.execute(
          sql.raw(plan === 'gin' ? 'set local enable_seqscan = off' : 'set local enable_bitmapscan = off'),
        );
        const rows = await listHouseholds(tx, listConditions(scope, { q }, null), { limit: 2, after });
        const more =
          rows.length === 2
            ? await listHouseholds(tx, listConditions(scope, { q }, null), { limit: 50, after: rows[1]!.id })
            : [];
        return [...rows, ...more].map((r) => r.id);
      });
    const cases: [string, number[]][] = [
      ['欧阳', [a, b, c]],
      ['欧阳夏', [b]],
      ['阳夏', [b]],
      ['阳', [a, b, c]],
      ['李', [a]],
      ['四', [a]],
      ['钱', []],
      ['春李', []], // never across two names
      ['赵', [d]],
      [hd!.householdNo!, [d]],
      ['50%', []],
    ];
    for (const plan of ['gin', 'walk'] as const) {
      for (const [q, expected] of cases) expect(await search(q, plan), `${q} ${plan}`).toEqual(expected);
      // Scoped: town A's clerk never sees town B's match.
      expect(await search('欧阳', plan, { kind: 'region', regionCode: TOWN_A })).toEqual([a, b]);
      expect(await search('欧阳', plan, { kind: 'region', regionCode: VILLAGE_A2 })).toEqual([b]);
      // The keyset pages the same way.
      expect(await search('欧阳', plan, { kind: 'all' }, a)).toEqual([b, c]);
    }
    // A member renamed, added or moved on: the searchable names follow (triggers, whoever writes).
    await t.deps.db.update(householdMembers).set({ name: '孙八' }).where(eq(householdMembers.name, '李四'));
    expect(await search('李', 'gin')).toEqual([]);
    expect(await search('孙八', 'gin')).toEqual([a]);
    await t.deps.db
      .update(householdMembers)
      .set({ active: true })
      .where(and(eq(householdMembers.householdId, d), eq(householdMembers.name, '钱七')));
    expect(await search('钱七', 'walk')).toEqual([d]);
  });

  it("keeps the two-character postings equal to the active households' name bigrams, whoever writes", async () => {
    // What household_name_bigrams must hold, derived from the households themselves.
    const drift = async () =>
      (
        (await t.deps.db.execute(sql`
          with want as (
            select distinct g as gram, substr(h.region_code, 1, 9) as town, h.id as household_id
            from households h cross join lateral unnest(h.name_grams) as g
            where h.active and char_length(g) = 2)
          select count(*)::int as n from (
            (select * from want except select gram, town, household_id from household_name_bigrams)
            union all
            (select gram, town, household_id from household_name_bigrams except select * from want)) x`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const count = async () =>
      (
        (await t.deps.db.execute(sql`select count(*)::int as n from household_name_bigrams`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const a = await register(VILLAGE_A1, ['欧阳春', '李四']);
    const b = await register(VILLAGE_B1, ['王五', '欧阳夏']);
    // 欧阳 阳春 李四 | 王五 欧阳 阳夏
    expect(await count()).toBe(6);
    expect(await drift()).toBe(0);
    const find = (q: string, scope: Parameters<typeof listConditions>[0] = { kind: 'all' }) =>
      listHouseholds(t.deps.db, listConditions(scope, { q }, null), { limit: 50 }).then((r) =>
        r.map((x) => x.id),
      );
    expect(await find('欧阳')).toEqual([a, b]);
    expect(await find('欧阳', { kind: 'region', regionCode: TOWN_A })).toEqual([a]);
    expect(await find('欧阳', { kind: 'region', regionCode: VILLAGE_B1 })).toEqual([b]);
    // A member renamed, one who left, a household moved to another town, one deactivated.
    await t.deps.db.update(householdMembers).set({ name: '孙八' }).where(eq(householdMembers.name, '李四'));
    expect(await find('李四')).toEqual([]);
    expect(await find('孙八')).toEqual([a]);
    await t.deps.db
      .update(householdMembers)
      .set({ active: false })
      .where(eq(householdMembers.name, '欧阳夏'));
    expect(await find('欧阳')).toEqual([a]);
    await t.deps.db.update(households).set({ regionCode: VILLAGE_B1 }).where(eq(households.id, a));
    expect(await find('欧阳', { kind: 'region', regionCode: TOWN_A })).toEqual([]);
    expect(await find('孙八', { kind: 'region', regionCode: TOWN_B })).toEqual([a]);
    expect(await drift()).toBe(0);
    await t.deps.db.update(households).set({ active: false }).where(eq(households.id, a));
    expect(await find('孙八')).toEqual([]);
    expect(await drift()).toBe(0);
    // Only b's head is left: 王五.
    expect(await count()).toBe(1);
  });
});
