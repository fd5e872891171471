import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { regionPrefix } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import type { HouseholdYearInput } from '../../../core/households/households.schemas';
import { YearConfigSchema, type YearConfig } from '../../../core/monitoring/config';
import { DEEP_DIFFICULTY_LABELS, type DeepDifficultyGroup } from '../../../core/monitoring/deepDifficulty';
import { audit } from '../../audit/audit';
import {
  householdMeasures,
  householdMembers,
  households,
  householdYears,
  monitoringYearConfigs,
  regions,
} from '../../db/schema';
import type { Tx } from '../../db/client';
import type { Deps } from '../../deps';
import { explainYear, loadYearConfig, reevaluateYearInBulk, refreshHousehold } from './households.evaluation';
import { recordEvent } from './households.events';
import { canAdministerMonitoring, householdScope } from './households.policy';
import { auditYear, presentYear, yearEventSummary } from './households.presenter';
import { findYear, lockHousehold, scopeCondition, type HouseholdRow } from './households.repository';
import { loadVisibleHousehold, loadWritableHousehold } from './households.service';

/** The office sets a year's thresholds (R10: years are data); every household-year of it is re-evaluated. */
export async function putYearConfig(deps: Deps, actor: Actor, year: number, config: YearConfig) {
  if (!canAdministerMonitoring(actor)) throw new AppError('forbidden');
  if (config.year !== year)
    throw fieldError('year', 'year.mismatch', {
      zh: '年度与路径不一致',
      en: 'The year does not match the path',
    });
  await deps.db.transaction(async (tx) => {
    const before = await loadYearConfig(tx, year);
    await tx
      .insert(monitoringYearConfigs)
      .values({ year, config, updatedAt: deps.now() })
      .onConflictDoUpdate({
        target: monitoringYearConfigs.year,
        set: {
          config,
          updatedAt: deps.now(),
          // The next bulk run re-evaluates only the rows near what moved since the thresholds of its last
          // complete run, which holds only if every row is current under those or the ones replaced
          // here. If the thresholds replaced here never had a complete run, rows may be current under
          // either: forget the older ones, so the next run does every row.
          evaluatedConfig: sql`case when ${monitoringYearConfigs.evaluatedConfig} = ${monitoringYearConfigs.config} then ${monitoringYearConfigs.evaluatedConfig} end`,
        },
      });
    await audit(tx, actor, {
      action: 'monitoring.year_config',
      entity: 'monitoring_year_config',
      entityId: year,
      before,
      after: config,
    });
  });
  const result = await reevaluateYearInBulk(deps.db, year, deps.now());
  return { config, reevaluated: result.evaluated, flagged: result.flagged };
}

/** Every configured year's thresholds, newest first (a handful of rows: one per year). */
export async function listYearConfigs(deps: Deps): Promise<YearConfig[]> {
  const rows = await deps.db
    .select({ config: monitoringYearConfigs.config })
    .from(monitoringYearConfigs)
    .orderBy(desc(monitoringYearConfigs.year));
  return rows.map((r) => YearConfigSchema.parse(r.config));
}

export async function getYearConfig(deps: Deps, year: number) {
  const config = await loadYearConfig(deps.db, year);
  if (!config)
    throw new AppError('not_found', {
      zh: `${year} 年度监测参数尚未设置`,
      en: `No monitoring thresholds for ${year}`,
    });
  return config;
}

/**
 * Bulk re-evaluation on demand (`POST /api/households/re-evaluate`), audited once with its counts: every
 * row of the year, even when the year is current (setting the thresholds skips a current year).
 */
export async function reevaluate(deps: Deps, actor: Actor, year: number) {
  if (!canAdministerMonitoring(actor)) throw new AppError('forbidden');
  const started = Date.now();
  const result = await reevaluateYearInBulk(deps.db, year, deps.now(), { force: true });
  if (result.noConfig)
    throw new AppError('conflict', {
      zh: `${year} 年度监测参数尚未设置，无法评估`,
      en: `Set the ${year} thresholds first`,
    });
  await audit(deps.db, actor, {
    action: 'household.reevaluate',
    entity: 'household_year',
    entityId: year,
    after: { evaluated: result.evaluated, flagged: result.flagged },
  });
  return { year, evaluated: result.evaluated, flagged: result.flagged, ms: Date.now() - started };
}

/** Records a household-year's economics and facts; assessment and flags are derived at once. */
export async function putHouseholdYear(
  deps: Deps,
  actor: Actor,
  id: number,
  year: number,
  input: HouseholdYearInput,
) {
  await deps.db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const h = await loadWritableHousehold(tx, actor, id);
    await saveHouseholdYear(tx, actor, h, year, input, deps.now());
  });
  return getHouseholdYear(deps, actor, id, year);
}

/**
 * Writes one household-year inside the caller's transaction (the form): the facts, the re-derived
 * assessment and flags, the audit entry and the timeline event. The caller has checked that the actor
 * may write the household and holds its lock. The ledger import writes the same, page by page, with
 * saveHouseholdYears (years.bulk.ts): keep the two in step.
 */
export async function saveHouseholdYear(
  tx: Tx,
  actor: Actor,
  h: Pick<HouseholdRow, 'id' | 'countyCode' | 'regionCode'>,
  year: number,
  input: HouseholdYearInput,
  now: Date,
): Promise<{ created: boolean; flagged: boolean }> {
  const id = h.id;
  const before = await findYear(tx, id, year);
  const e = input.econ;
  const values = {
    householdId: id,
    year,
    countyCode: h.countyCode,
    regionCode: h.regionCode,
    asOf: input.asOf ?? `${year}-12-31`,
    wages: e.wages,
    netBusinessIncome: e.netBusinessIncome,
    propertyIncome: e.propertyIncome,
    transferIncome: e.transferIncome,
    businessCosts: e.businessCosts,
    rigidMedical: e.rigidExpenditure.medical,
    rigidEducation: e.rigidExpenditure.education,
    rigidDisaster: e.rigidExpenditure.disaster,
    rigidOther: e.rigidExpenditure.other,
    housingGrade: input.housing.grade,
    water: input.water,
    foodClothing: input.foodClothing,
    updatedAt: now,
  };
  await tx
    .insert(householdYears)
    .values(values)
    .onConflictDoUpdate({ target: [householdYears.householdId, householdYears.year], set: values });
  await refreshHousehold(tx, id, now);
  const after = await findYear(tx, id, year);
  await audit(tx, actor, {
    action: 'household.year',
    entity: 'household_year',
    entityId: `${id}:${year}`,
    before: before ? auditYear(before) : null,
    after: auditYear(after!),
  });
  await recordEvent(tx, actor, h, now, 'household.year', yearEventSummary(after!));
  return { created: !before, flagged: after!.flagged };
}

export async function getHouseholdYear(deps: Deps, actor: Actor, id: number, year: number) {
  await loadVisibleHousehold(deps.db, actor, id);
  const row = await findYear(deps.db, id, year);
  if (!row)
    throw new AppError('not_found', {
      zh: `该户没有 ${year} 年的收支记录`,
      en: `No ${year} record for this household`,
    });
  // The stored result holds verdicts and rule keys; the explanations come from the year's thresholds.
  const full = row.evaluation === 'evaluated' ? await explainYear(deps.db, id, year) : null;
  return {
    ...presentYear(row),
    assessment: full?.assessment ?? [],
    flags: full?.flags ?? [],
    notEvaluated: full?.notEvaluated ?? [],
  };
}

/** Each town's watch list in numbers (R10): households, flagged, monitored, per rule; scoped to the actor. */
export async function watchList(deps: Deps, actor: Actor, year: number) {
  const scope = scopeCondition(householdScope(actor));
  const town = sql<string>`substr(${households.regionCode}, 1, 9) || '000'`;
  const rows = await deps.db
    .select({
      townCode: town,
      households: sql<number>`count(*)::int`,
      evaluated: sql<number>`count(${householdYears.householdId})::int`,
      flagged: sql<number>`count(*) filter (where ${householdYears.flagged})::int`,
      monitored: sql<number>`count(*) filter (where ${households.monitoringStatus} = 'monitored')::int`,
      flaggedNotMonitored: sql<number>`count(*) filter (where ${householdYears.flagged} and ${households.monitoringStatus} <> 'monitored')::int`,
    })
    .from(households)
    .leftJoin(
      householdYears,
      and(eq(householdYears.householdId, households.id), eq(householdYears.year, year)),
    )
    .where(and(eq(households.active, true), scope))
    .groupBy(town)
    .orderBy(town);
  const byRule = await deps.db.execute<{ town_code: string; rule: string; n: number }>(sql`
    select substr(households.region_code, 1, 9) || '000' as town_code, r.rule, count(*)::int as n
    from ${householdYears} y join ${households} on households.id = y.household_id
    cross join lateral jsonb_array_elements_text(y.flag_rules) as r(rule)
    where y.year = ${year} and households.active and y.flagged ${scope ? sql`and ${scope}` : sql``}
    group by 1, 2`);
  const names = new Map(
    (
      await deps.db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(eq(regions.level, 'town'))
    ).map((r) => [r.code, r.name]),
  );
  const ruleRows = (byRule as unknown as { rows: { town_code: string; rule: string; n: number }[] }).rows;
  return {
    year,
    towns: rows.map((r) => ({
      townCode: r.townCode,
      townName: names.get(r.townCode) ?? null,
      households: r.households,
      evaluated: r.evaluated,
      flagged: r.flagged,
      monitored: r.monitored,
      flaggedNotMonitored: r.flaggedNotMonitored,
      byRule: Object.fromEntries(
        ruleRows.filter((x) => x.town_code === r.townCode).map((x) => [x.rule, Number(x.n)]),
      ),
    })),
  };
}

/** R12: members per deep-difficulty group, and how many households of each group still lack a targeted measure. */
export async function deepDifficultySummary(deps: Deps, actor: Actor, regionCode?: string) {
  const conds = [sql`households.active`];
  const scope = scopeCondition(householdScope(actor));
  if (scope) conds.push(scope);
  if (regionCode) conds.push(like(households.regionCode, `${regionPrefix(regionCode)}%`));
  const result = await deps.db.execute(sql`
    select g.grp as "group", count(distinct households.id)::int as households, count(m.id)::int as members,
      count(distinct households.id) filter (where not exists (
        select 1 from ${householdMeasures} ms where ms.household_id = households.id and ms.deep_group = g.grp))::int as "withoutMeasure"
    from ${households}
    cross join lateral jsonb_array_elements_text(households.deep_groups) as g(grp)
    left join ${householdMembers} m on m.household_id = households.id and m.active and m.deep_groups ? g.grp
    where ${sql.join(conds, sql` and `)}
    group by g.grp`);
  const rows = (
    result as unknown as {
      rows: { group: string; households: number; members: number; withoutMeasure: number }[];
    }
  ).rows;
  return {
    groups: (Object.keys(DEEP_DIFFICULTY_LABELS) as DeepDifficultyGroup[]).map((group) => {
      const r = rows.find((x) => x.group === group);
      return {
        group,
        labelZh: DEEP_DIFFICULTY_LABELS[group],
        households: Number(r?.households ?? 0),
        members: Number(r?.members ?? 0),
        withoutMeasure: Number(r?.withoutMeasure ?? 0),
      };
    }),
  };
}

export { YearConfigSchema };
