import crypto from 'node:crypto';
import { and, asc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import { evaluateHouseholdYear, type HouseholdYearEvaluation } from '../../../core/households/evaluate';
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

/** Runs the pure rules on one stored household-year. */
export function evaluateRow(
  config: YearConfig,
  household: HouseholdFacts,
  members: StoredMemberFacts[],
  y: YearFacts,
  previousYearPerCapita: number | null,
): HouseholdYearEvaluation {
  return evaluateHouseholdYear({
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
  });
}

const stored = (e: HouseholdYearEvaluation | null, at: Date) => {
  const result = e
    ? {
        householdSize: e.householdSize,
        perCapitaNetIncome: e.perCapitaNetIncome,
        evaluation: 'evaluated',
        // Compact verdicts only: the full explained criteria are re-derived on read (explainYear), which
        // keeps the bulk path's writes small; the flags, with their explanations, are stored in full.
        assessment: e.assessment.map((c) => ({ key: c.key, verdict: c.verdict, value: c.value })),
        flags: e.flags,
        notEvaluated: e.notEvaluated,
        flagRules: e.flagRules,
        flagged: e.flagged,
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
    const e: HouseholdYearEvaluation | null =
      config && members.length > 0 ? evaluateRow(config, h, members, y, prevPc) : null;
    await tx
      .update(householdYears)
      .set({ ...stored(e, at), regionCode: h.regionCode, countyCode: h.countyCode })
      .where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, y.year)));
    previous = e?.perCapitaNetIncome ?? null;
    previousYear = y.year;
  }
}

/**
 * Bulk re-evaluation of one year (after the office changes the year's thresholds, or on demand): reads
 * the year's rows page by page along the household id (one query for the year rows, one range read of
 * their members and one of the previous year, while the next page is already being read), evaluates
 * each household with the pure rules and writes back only the rows whose result changed (compared by
 * digest, see resultHash), with one `UPDATE … FROM jsonb_to_recordset(…)` per page. An unchanged row
 * keeps its `evaluated_at` (the time its current result was first derived). Each page's write is its own
 * statement; the run is idempotent, so an interrupted run is simply started again.
 */
export async function reevaluateYearInBulk(
  db: DbOrTx,
  year: number,
  at: Date,
  opts: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<{ evaluated: number; flagged: number; noConfig: boolean; written: number }> {
  const config = await loadYearConfig(db, year);
  const batch = opts.batchSize ?? 5000;
  let evaluated = 0;
  let flagged = 0;
  let written = 0;
  const readPage = async (after: number) => {
    const rows = await db
      .select({
        y: YEAR_FACT_COLUMNS,
        hash: householdYears.resultHash,
        attribute: households.attribute,
        exitFlag: households.povertyExitFlag,
      })
      .from(householdYears)
      .innerJoin(households, eq(households.id, householdYears.householdId))
      .where(
        and(eq(householdYears.year, year), gt(householdYears.householdId, after), gt(households.id, after)),
      )
      .orderBy(asc(householdYears.householdId))
      .limit(batch);
    if (rows.length === 0) return null;
    const first = rows[0]!.y.householdId;
    const last = rows.at(-1)!.y.householdId;
    // Only the facts the rules read: no names, no ciphertext. One range read along the id index.
    const [memberRows, prevRows] = await Promise.all([
      db
        .select(FACT_COLUMNS)
        .from(householdMembers)
        .where(
          and(
            gte(householdMembers.householdId, first),
            lte(householdMembers.householdId, last),
            eq(householdMembers.active, true),
          ),
        )
        .orderBy(asc(householdMembers.householdId), asc(householdMembers.sort), asc(householdMembers.id)),
      db
        .select({ id: householdYears.householdId, pc: householdYears.perCapitaNetIncome })
        .from(householdYears)
        .where(
          and(
            eq(householdYears.year, year - 1),
            gte(householdYears.householdId, first),
            lte(householdYears.householdId, last),
          ),
        ),
    ]);
    return { rows, memberRows, prevRows, last };
  };
  type Page = NonNullable<Awaited<ReturnType<typeof readPage>>>;
  const writes: Promise<unknown>[] = [];
  let next: Promise<Page | null> = readPage(0);
  for (;;) {
    const page = await next;
    if (!page) break;
    // Read ahead: the database works on the next page while this one is evaluated.
    next = readPage(page.last);
    next.catch(() => {}); // awaited on the next turn
    const byHousehold = new Map<number, Page['memberRows']>();
    for (const m of page.memberRows) {
      const list = byHousehold.get(m.householdId);
      if (list) list.push(m);
      else byHousehold.set(m.householdId, [m]);
    }
    const prev = new Map(page.prevRows.map((p) => [p.id, p.pc]));
    const values = [];
    for (const r of page.rows) {
      const members = byHousehold.get(r.y.householdId) ?? [];
      const e =
        config && members.length > 0
          ? evaluateRow(
              config,
              { attribute: r.attribute, povertyExitFlag: r.exitFlag },
              members,
              r.y,
              prev.get(r.y.householdId) ?? null,
            )
          : null;
      if (e?.flagged) flagged += 1;
      const s = stored(e, at);
      if (s.resultHash === r.hash) continue;
      values.push({
        household_id: r.y.householdId,
        size: s.householdSize,
        pc: s.perCapitaNetIncome,
        evaluation: s.evaluation,
        assessment: s.assessment,
        flags: s.flags,
        not_evaluated: s.notEvaluated,
        flag_rules: s.flagRules,
        flagged: s.flagged,
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
            flagged = v.flagged, result_hash = v.hash, evaluated_at = ${at.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(household_id bigint, size smallint, pc numeric,
            evaluation text, assessment jsonb, flags jsonb, not_evaluated jsonb, flag_rules jsonb, flagged boolean, hash text)
          where y.household_id = v.household_id and y.year = ${year}`);
      w.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
      writes.push(w);
      // At most two writes in flight: memory stays bounded while reads, evaluation and writes overlap.
      if (writes.length >= 2) await writes.shift();
    }
    opts.onProgress?.(evaluated);
  }
  await Promise.all(writes);
  return { evaluated, flagged, noConfig: config === null, written };
}
