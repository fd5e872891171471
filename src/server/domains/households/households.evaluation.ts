import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  evaluateHouseholdYear,
  RULES_VERSION,
  storedResultOf,
  type HouseholdYearEvaluation,
  type HouseholdYearFacts,
} from '../../../core/households/evaluate';
import {
  probeKeysOf,
  thresholdChange,
  thresholdProbes,
  type ThresholdBand,
} from '../../../core/households/threshold-probes';
import { memberDeepGroups, toMemberFacts, type StoredMemberFacts } from '../../../core/households/member';
import { YearConfigSchema, type YearConfig } from '../../../core/monitoring/config';
import type { FoodClothingFacts, WaterFacts } from '../../../core/monitoring/facts';
import type { DbOrTx } from '../../db/client';
import { householdMembers, households, householdYears, monitoringYearConfigs } from '../../db/schema';
import type { HouseholdYearRow } from './households.repository';

/** The year's thresholds, or null when the office has not set them yet. */
export async function loadYearConfig(db: DbOrTx, year: number): Promise<YearConfig | null> {
  const [row] = await db.select().from(monitoringYearConfigs).where(eq(monitoringYearConfigs.year, year));
  return row ? YearConfigSchema.parse(row.config) : null;
}

type HouseholdFacts = { attribute: string; povertyExitFlag: string | null };

/** The year columns the rules read (not the stored results). */
const YEAR_FACT_COLUMNS = {
  householdId: householdYears.householdId,
  year: householdYears.year,
  asOf: householdYears.asOf,
  wages: householdYears.wages,
  netBusinessIncome: householdYears.netBusinessIncome,
  propertyIncome: householdYears.propertyIncome,
  transferIncome: householdYears.transferIncome,
  businessCosts: householdYears.businessCosts,
  rigidMedical: householdYears.rigidMedical,
  rigidEducation: householdYears.rigidEducation,
  rigidDisaster: householdYears.rigidDisaster,
  rigidOther: householdYears.rigidOther,
  housingGrade: householdYears.housingGrade,
  water: householdYears.water,
  foodClothing: householdYears.foodClothing,
};
type YearFacts = Pick<HouseholdYearRow, keyof typeof YEAR_FACT_COLUMNS>;

/** The member columns the rules read (toMemberFacts). */
const FACT_COLUMNS = {
  id: householdMembers.id,
  householdId: householdMembers.householdId,
  relation: householdMembers.relation,
  birthDate: householdMembers.birthDate,
  health: householdMembers.health,
  disabilityCategory: householdMembers.disabilityCategory,
  disabilityGrade: householdMembers.disabilityGrade,
  labour: householdMembers.labour,
  schooling: householdMembers.schooling,
  outOfSchoolForHealth: householdMembers.outOfSchoolForHealth,
  medicalInsurance: householdMembers.medicalInsurance,
  criticalIllnessInsurance: householdMembers.criticalIllnessInsurance,
  familyDoctor: householdMembers.familyDoctor,
  specialHardship: householdMembers.specialHardship,
  hasLegalSupporter: householdMembers.hasLegalSupporter,
};

/** The facts of one stored household-year as the pure rules take them. */
export function factsOfRow(
  config: YearConfig,
  household: HouseholdFacts,
  members: StoredMemberFacts[],
  y: YearFacts,
  previousYearPerCapita: number | null,
): HouseholdYearFacts {
  return {
    config,
    asOf: y.asOf,
    members: members.map(toMemberFacts),
    econ: {
      wages: y.wages,
      netBusinessIncome: y.netBusinessIncome,
      propertyIncome: y.propertyIncome,
      transferIncome: y.transferIncome,
      businessCosts: y.businessCosts,
      rigidExpenditure: {
        medical: y.rigidMedical,
        education: y.rigidEducation,
        disaster: y.rigidDisaster,
        other: y.rigidOther,
      },
    },
    housing: { grade: (y.housingGrade ?? null) as 'A' | 'B' | 'C' | 'D' | null },
    water: y.water as WaterFacts,
    foodClothing: y.foodClothing as FoodClothingFacts,
    previousYearPerCapita,
    attribute: household.attribute,
    povertyExitFlag: household.povertyExitFlag,
  };
}

/** Runs the pure rules on one stored household-year. */
export function evaluateRow(
  config: YearConfig,
  household: HouseholdFacts,
  members: StoredMemberFacts[],
  y: YearFacts,
  previousYearPerCapita: number | null,
): HouseholdYearEvaluation {
  return evaluateHouseholdYear(factsOfRow(config, household, members, y, previousYearPerCapita));
}

/** What a household-year stores of its evaluation (null facts: the year is not configured or has no members). */
const stored = (facts: HouseholdYearFacts | null, at: Date) => {
  const result = facts
    ? {
        ...storedResultOf(evaluateHouseholdYear(facts)),
        evaluation: 'evaluated',
        thresholdProbes: thresholdProbes(facts),
      }
    : {
        householdSize: null,
        perCapitaNetIncome: null,
        evaluation: 'no_config',
        assessment: null,
        flags: null,
        notEvaluated: null,
        flagRules: [],
        flagged: false,
        thresholdProbes: null,
      };
  return { ...result, resultHash: resultHash(result), evaluatedAt: at };
};

/**
 * A digest of a stored result (everything but the time): the bulk re-evaluation compares it with the
 * stored digest and writes only the rows whose result changed. The rules' output is deterministic, so
 * equal results serialise equally; a row written by anything else (digest null) is always rewritten.
 */
export function resultHash(result: object): string {
  return crypto.hash('sha1', JSON.stringify(result), 'base64');
}

/**
 * The full, explained evaluation of one stored household-year (criteria with their explanation texts),
 * re-derived from the stored facts with the year's thresholds; null when the year is not configured.
 */
export async function explainYear(
  db: DbOrTx,
  householdId: number,
  year: number,
): Promise<HouseholdYearEvaluation | null> {
  const [row] = await db
    .select({ y: YEAR_FACT_COLUMNS, attribute: households.attribute, exitFlag: households.povertyExitFlag })
    .from(householdYears)
    .innerJoin(households, eq(households.id, householdYears.householdId))
    .where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, year)));
  const config = row ? await loadYearConfig(db, year) : null;
  if (!row || !config) return null;
  const members = await db
    .select(FACT_COLUMNS)
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.active, true)))
    .orderBy(asc(householdMembers.sort), asc(householdMembers.id));
  if (members.length === 0) return null;
  const [prev] = await db
    .select({ pc: householdYears.perCapitaNetIncome })
    .from(householdYears)
    .where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, year - 1)));
  return evaluateRow(
    config,
    { attribute: row.attribute, povertyExitFlag: row.exitFlag },
    members,
    row.y,
    prev?.pc ?? null,
  );
}

/**
 * Re-derives everything that depends on a household's data (R10 "re-evaluated on every change"): each
 * member's R12 groups, the household's groups, and the assessment and flags of every recorded year.
 * Call it inside the mutation's transaction.
 */
export async function refreshHousehold(tx: DbOrTx, householdId: number, at: Date): Promise<void> {
  const [h] = await tx.select().from(households).where(eq(households.id, householdId));
  if (!h) return;
  const members = await tx
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.active, true)))
    .orderBy(asc(householdMembers.sort), asc(householdMembers.id));
  const groups = new Set<string>();
  for (const m of members) {
    const g = memberDeepGroups(m, m.deepGroupsManual);
    g.forEach((x) => groups.add(x));
    if (JSON.stringify(g) !== JSON.stringify(m.deepGroups)) {
      await tx.update(householdMembers).set({ deepGroups: g }).where(eq(householdMembers.id, m.id));
      m.deepGroups = g;
    }
  }
  if (h.specialHardship) groups.add('specialHardship');
  const hhGroups = [...groups].sort();
  if (JSON.stringify(hhGroups) !== JSON.stringify(h.deepGroups)) {
    await tx.update(households).set({ deepGroups: hhGroups }).where(eq(households.id, householdId));
  }
  const years = await tx
    .select()
    .from(householdYears)
    .where(eq(householdYears.householdId, householdId))
    .orderBy(asc(householdYears.year));
  let previous: number | null = null;
  let previousYear: number | null = null;
  for (const y of years) {
    const config = await loadYearConfig(tx, y.year);
    const prevPc: number | null = previousYear === y.year - 1 ? previous : null;
    const facts = config && members.length > 0 ? factsOfRow(config, h, members, y, prevPc) : null;
    const s = stored(facts, at);
    await tx
      .update(householdYears)
      .set({ ...s, regionCode: h.regionCode, countyCode: h.countyCode })
      .where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, y.year)));
    previous = s.perCapitaNetIncome ?? null;
    previousYear = y.year;
  }
}

/** A value with its object keys sorted at every level: equal values serialise equally. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/**
 * Digest of what a year's results depend on besides each row's own facts (and the previous year's
 * per-capita income): the year's thresholds and the rules' version (RULES_VERSION).
 */
export function evaluationInputsDigest(config: YearConfig | null): string {
  return crypto.hash('sha1', JSON.stringify([RULES_VERSION, canonical(config)]), 'base64');
}

/** The members of a page as the page query aggregates them (json_build_array, in this order). */
type MemberTuple = [
  number,
  string,
  string,
  string,
  number | null,
  number | null,
  string,
  string | null,
  boolean,
  boolean | null,
  boolean | null,
  boolean | null,
  boolean,
  boolean | null,
];
/** One household-year of a page (json_build_array, in this order). */
type RowTuple = [
  number,
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  string | null,
  unknown,
  unknown,
  string | null,
  number | null,
  string,
  string | null,
  number | null,
  MemberTuple[] | null,
];

const memberOf = (m: MemberTuple): StoredMemberFacts => ({
  id: m[0],
  relation: m[1],
  birthDate: m[2],
  health: m[3],
  disabilityCategory: m[4],
  disabilityGrade: m[5],
  labour: m[6],
  schooling: m[7],
  outOfSchoolForHealth: m[8],
  medicalInsurance: m[9],
  criticalIllnessInsurance: m[10],
  familyDoctor: m[11],
  specialHardship: m[12],
  hasLegalSupporter: m[13],
});

const yearFactsOf = (r: RowTuple, year: number): YearFacts => ({
  householdId: r[0],
  year,
  asOf: r[1],
  wages: r[2],
  netBusinessIncome: r[3],
  propertyIncome: r[4],
  transferIncome: r[5],
  businessCosts: r[6],
  rigidMedical: r[7],
  rigidEducation: r[8],
  rigidDisaster: r[9],
  rigidOther: r[10],
  housingGrade: r[11],
  water: r[12],
  foodClothing: r[13],
});

const rowsOf = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

/** Which rows of a year one pass evaluates. */
type Selection =
  | { kind: 'all' }
  | { kind: 'unevaluated' }
  /** These households (ids in ascending order); each page's query carries only its own ids. */
  | { kind: 'households'; ids: number[] };

/** The ids of a sorted list after `after`, at most `n` of them. */
function idsAfter(ids: readonly number[], after: number, n: number): number[] {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return ids.slice(lo, lo + n);
}

/**
 * Evaluates the selected rows of one year page by page along the household id: one query per page
 * returns the page as one JSON text (the year's facts, the household's attribute, the previous year's
 * per-capita income and the active members, aggregated in SQL: no per-field parsing in JavaScript), the
 * next page is read while this one is evaluated, and only rows whose result digest changed are written,
 * with one `UPDATE … FROM jsonb_to_recordset(…)` per page that applies only while the year's thresholds
 * are still the ones evaluated with (a run superseded by a newer one writes nothing more). Returns the
 * households whose per-capita income changed (the next year's income-drop rule reads it).
 */
async function evaluateYearRows(
  db: DbOrTx,
  year: number,
  config: { parsed: YearConfig; raw: unknown } | null,
  selection: Selection,
  at: Date,
  batch: number,
  onPage: (evaluated: number) => void,
): Promise<{ evaluated: number; written: number; incomeChanged: number[] }> {
  let evaluated = 0;
  let written = 0;
  const incomeChanged: number[] = [];
  const readPage = async (
    after: number,
  ): Promise<{ rows: RowTuple[]; last: number; more: boolean } | null> => {
    const pageIds = selection.kind === 'households' ? idsAfter(selection.ids, after, batch) : null;
    if (pageIds?.length === 0) return null;
    const sel =
      selection.kind === 'all'
        ? sql`select household_id from ${householdYears} where year = ${year} and household_id > ${after}
              order by household_id limit ${batch}`
        : selection.kind === 'unevaluated'
          ? sql`select household_id from ${householdYears} where year = ${year} and household_id > ${after}
                and result_hash is null order by household_id limit ${batch}`
          : // The page's ids themselves (the join below drops those without a row this year): a probe of
            // the year's rows for each id of a list cost ~0.7 s per 5,000 at 1M rows.
            sql`select u.id as household_id from unnest(${sql.param(pageIds)}::bigint[]) as u(id)`;
    const res = await db.execute(sql`
      select coalesce(json_agg(json_build_array(
          y.household_id, y.as_of, y.wages, y.net_business_income, y.property_income, y.transfer_income,
          y.business_costs, y.rigid_medical, y.rigid_education, y.rigid_disaster, y.rigid_other, y.housing_grade,
          y.water, y.food_clothing, y.result_hash, y.per_capita_net_income, h.attribute, h.poverty_exit_flag,
          p.per_capita_net_income,
          (select json_agg(json_build_array(m.id, m.relation, m.birth_date, m.health, m.disability_category,
              m.disability_grade, m.labour, m.schooling, m.out_of_school_for_health, m.medical_insurance,
              m.critical_illness_insurance, m.family_doctor, m.special_hardship, m.has_legal_supporter)
            order by m.sort, m.id)
           from ${householdMembers} m where m.household_id = y.household_id and m.active)
        ))::text, '[]') as page
      from (${sel}) s
      join ${householdYears} y on y.household_id = s.household_id and y.year = ${year}
      join ${households} h on h.id = y.household_id
      left join ${householdYears} p on p.household_id = y.household_id and p.year = ${year - 1}`);
    // Ordered here, not in json_agg: an ordered aggregate of a page's JSON sorts megabytes (to disk
    // beyond work_mem); the ids are numbers, sorted in a millisecond.
    const rows = (JSON.parse(rowsOf<{ page: string }>(res)[0]!.page) as RowTuple[]).sort(
      (a, b) => a[0] - b[0],
    );
    // A page of listed ids may have no row this year and still not be the last; a page of the year's
    // rows shorter than a batch was the last (each page is the first `batch` rows after the previous).
    if (pageIds) {
      const last = pageIds.at(-1)!;
      const ids = selection.kind === 'households' ? selection.ids : [];
      return { rows, last, more: idsAfter(ids, last, 1).length > 0 };
    }
    return rows.length === 0 ? null : { rows, last: rows.at(-1)![0], more: rows.length === batch };
  };
  // The page's write applies only while the thresholds are those this pass evaluated with.
  const stillCurrent = config
    ? sql`exists (select 1 from ${monitoringYearConfigs} c where c.year = ${year} and c.config = ${JSON.stringify(config.raw)}::jsonb)`
    : sql`not exists (select 1 from ${monitoringYearConfigs} c where c.year = ${year})`;
  const writes: Promise<unknown>[] = [];
  let next = readPage(0);
  for (;;) {
    const page = await next;
    if (!page) break;
    // Read ahead: the database works on the next page while this one is evaluated (none after the last).
    next = page.more ? readPage(page.last) : Promise.resolve(null);
    next.catch(() => {}); // awaited on the next turn
    const values = [];
    for (const r of page.rows) {
      const members = (r[19] ?? []).map(memberOf);
      const facts =
        config && members.length > 0
          ? factsOfRow(
              config.parsed,
              { attribute: r[16], povertyExitFlag: r[17] },
              members,
              yearFactsOf(r, year),
              r[18],
            )
          : null;
      const s = stored(facts, at);
      if (s.perCapitaNetIncome !== r[15]) incomeChanged.push(r[0]);
      if (s.resultHash === r[14]) continue;
      values.push({
        household_id: r[0],
        size: s.householdSize,
        pc: s.perCapitaNetIncome,
        evaluation: s.evaluation,
        assessment: s.assessment,
        flags: s.flags,
        not_evaluated: s.notEvaluated,
        flag_rules: s.flagRules,
        flagged: s.flagged,
        probes: s.thresholdProbes,
        hash: s.resultHash,
      });
    }
    evaluated += page.rows.length;
    written += values.length;
    if (values.length > 0) {
      // One JSON parameter for the changed rows of the page (not thousands of bind parameters).
      const w = db.execute(sql`
          update ${householdYears} as y set
            household_size = v.size, per_capita_net_income = v.pc, evaluation = v.evaluation,
            assessment = v.assessment, flags = v.flags, not_evaluated = v.not_evaluated, flag_rules = v.flag_rules,
            flagged = v.flagged, threshold_probes = v.probes, result_hash = v.hash,
            evaluated_at = ${at.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(household_id bigint, size smallint, pc numeric,
            evaluation text, assessment jsonb, flags jsonb, not_evaluated jsonb, flag_rules jsonb, flagged boolean,
            probes jsonb, hash text)
          where y.household_id = v.household_id and y.year = ${year} and ${stillCurrent}`);
      w.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
      writes.push(w);
      // At most two writes in flight: memory stays bounded while reads, evaluation and writes overlap.
      if (writes.length >= 2) await writes.shift();
    }
    onPage(evaluated);
  }
  await Promise.all(writes);
  return { evaluated, written, incomeChanged };
}

/** The year's thresholds as stored (for the write guard) and parsed, and what its last full run used. */
async function loadYearConfigRow(db: DbOrTx, year: number) {
  const [row] = await db.select().from(monitoringYearConfigs).where(eq(monitoringYearConfigs.year, year));
  if (!row) return { config: null, evaluatedWith: null, evaluatedConfig: null };
  const before = YearConfigSchema.safeParse(row.evaluatedConfig);
  return {
    config: { parsed: YearConfigSchema.parse(row.config), raw: row.config },
    evaluatedWith: row.evaluatedWith,
    evaluatedConfig: before.success ? before.data : null,
  };
}

/** The rows of a year whose threshold probes meet a band (or that have none yet), in id order. */
async function candidatesOf(db: DbOrTx, year: number, bands: readonly ThresholdBand[]): Promise<number[]> {
  const meets = bands.flatMap((b) =>
    probeKeysOf(b.name).map(
      (k) =>
        sql`((y.threshold_probes->${k}->>0)::float8 <= ${b.hi} and (y.threshold_probes->${k}->>1)::float8 >= ${b.lo})`,
    ),
  );
  const res = await db.execute(sql`
    select coalesce(json_agg(y.household_id order by y.household_id), '[]')::text as ids
    from ${householdYears} y
    where y.year = ${year} and (y.result_hash is null or y.threshold_probes is null or ${sql.join(meets, sql` or `)})`);
  return JSON.parse(rowsOf<{ ids: string }>(res)[0]!.ids) as number[];
}

/**
 * Evaluates household-years just written in bulk (the economics ledger import), as refreshHousehold would
 * store them: the given households' rows of each year, year after year in ascending order (a row's
 * income-drop rule reads the previous year's per-capita income, so that year goes first), and with them
 * the next year's rows of every household whose per-capita income changed. Rows written with
 * `result_hash` null are always rewritten (evaluated now); a neighbour only when its result changed, as
 * in the bulk re-evaluation. Call it inside the writing transaction.
 */
export async function evaluateHouseholdYears(
  db: DbOrTx,
  byYear: ReadonlyMap<number, readonly number[]>,
  at: Date,
  batch = 5000,
): Promise<void> {
  const years = [...byYear.keys()].sort((a, b) => a - b);
  let carry: number[] = [];
  let year = years[0];
  while (year !== undefined) {
    const ids = [...new Set([...(byYear.get(year) ?? []), ...carry])].sort((a, b) => a - b);
    carry = [];
    if (ids.length > 0) {
      const { config } = await loadYearConfigRow(db, year);
      const r = await evaluateYearRows(db, year, config, { kind: 'households', ids }, at, batch, () => {});
      carry.push(...r.incomeChanged);
    }
    const current: number = year;
    year = carry.length > 0 ? current + 1 : years.find((y) => y > current);
  }
}

/**
 * Bulk re-evaluation of one year (after the office changes the year's thresholds, or on demand).
 *
 * What it skips: every single-household write re-evaluates that household at once with the current
 * thresholds (refreshHousehold), so a stored result goes stale only when the year's thresholds or the
 * rules' code change. The year's config row keeps, as of its last complete run, the digest of both
 * (evaluationInputsDigest) and the thresholds themselves. While the digest matches, only rows never
 * evaluated (inserted by SQL) are done — "nothing changed" costs one index probe. When only threshold
 * values moved since (same rules, same switches), only the rows whose threshold probes meet the range
 * a threshold moved over are evaluated (threshold-probes.ts): a stored result holds verdicts, not
 * thresholds, so no other row can change. Otherwise every row of the year is read and evaluated. In each
 * case only the rows whose result changed are written (an unchanged row keeps its `evaluated_at`, the
 * time its current result was first derived), and the digest and thresholds are recorded at the end only
 * if the thresholds are still those evaluated with. An interrupted run leaves them as they were, so the
 * next run simply starts again. `force` evaluates every row whatever the digest (the office's request).
 *
 * A neighbour: the next year's income-drop rule reads this year's per-capita income, so the next year's
 * rows of the households whose income changed are re-evaluated too (and so on, year after year).
 */
export async function reevaluateYearInBulk(
  db: DbOrTx,
  year: number,
  at: Date,
  opts: { batchSize?: number; onProgress?: (done: number) => void; force?: boolean } = {},
): Promise<{
  evaluated: number;
  flagged: number;
  noConfig: boolean;
  written: number;
  /** Which rows this run read: those never evaluated, those a threshold change can affect, or all. */
  selected: 'unevaluated' | 'thresholds' | 'all';
}> {
  const batch = opts.batchSize ?? 5000;
  const { config, evaluatedWith, evaluatedConfig } = await loadYearConfigRow(db, year);
  const digest = evaluationInputsDigest(config?.parsed ?? null);
  const current = !opts.force && config !== null && evaluatedWith === digest;
  // The thresholds moved, but the rules are those the last complete run used with the old ones.
  const change =
    !opts.force &&
    !current &&
    config &&
    evaluatedConfig &&
    evaluatedWith === evaluationInputsDigest(evaluatedConfig)
      ? thresholdChange(evaluatedConfig, config.parsed)
      : { kind: 'all' as const };
  let selected: 'unevaluated' | 'thresholds' | 'all';
  let run: { evaluated: number; written: number; incomeChanged: number[] };
  if (current || change.kind === 'none') {
    selected = 'unevaluated';
    run = await evaluateYearRows(db, year, config, { kind: 'unevaluated' }, at, batch, (n) =>
      opts.onProgress?.(n),
    );
  } else if (change.kind === 'bands') {
    selected = 'thresholds';
    const ids = await candidatesOf(db, year, change.bands);
    run = await evaluateYearRows(db, year, config, { kind: 'households', ids }, at, batch, (n) =>
      opts.onProgress?.(n),
    );
  } else {
    selected = 'all';
    run = await evaluateYearRows(db, year, config, { kind: 'all' }, at, batch, (n) => opts.onProgress?.(n));
  }
  if (config && !current) {
    await db.execute(sql`
      update ${monitoringYearConfigs} set evaluated_with = ${digest}, evaluated_config = ${JSON.stringify(config.raw)}::jsonb
      where year = ${year} and config = ${JSON.stringify(config.raw)}::jsonb`);
  }
  let written = run.written;
  let changed = run.incomeChanged;
  for (let y = year + 1; changed.length > 0; y++) {
    const exists = await db.execute(sql`select 1 from ${householdYears} where year = ${y} limit 1`);
    if (rowsOf(exists).length === 0) break;
    const next = await loadYearConfigRow(db, y);
    const ids = changed.sort((a, b) => a - b);
    const r = await evaluateYearRows(db, y, next.config, { kind: 'households', ids }, at, batch, () => {});
    written += r.written;
    changed = r.incomeChanged;
  }
  const [count] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${householdYears} where year = ${year} and flagged`),
  );
  return {
    evaluated: run.evaluated,
    flagged: Number(count?.n ?? 0),
    noConfig: config === null,
    written,
    selected,
  };
}
