import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import type { HouseholdYearInput } from '../../../core/households/households.schemas';
import { auditMany } from '../../audit/audit';
import type { Tx } from '../../db/client';
import { householdYears } from '../../db/schema';
import { evaluateHouseholdYears } from './households.evaluation';
import { recordEvents } from './households.events';
import { auditYear, yearEventSummary } from './households.presenter';
import type { HouseholdRow } from './households.repository';

export interface HouseholdYearWrite {
  household: Pick<HouseholdRow, 'id' | 'countyCode' | 'regionCode'>;
  year: number;
  input: HouseholdYearInput;
}

/** What the audit entry and the timeline event need of these household-years, keyed `id:year`. */
async function readYears(tx: Tx, items: readonly HouseholdYearWrite[]) {
  const y = householdYears;
  const rows = await tx
    .select({
      householdId: y.householdId,
      year: y.year,
      wages: y.wages,
      netBusinessIncome: y.netBusinessIncome,
      propertyIncome: y.propertyIncome,
      transferIncome: y.transferIncome,
      businessCosts: y.businessCosts,
      rigidMedical: y.rigidMedical,
      rigidEducation: y.rigidEducation,
      rigidDisaster: y.rigidDisaster,
      rigidOther: y.rigidOther,
      flagRules: y.flagRules,
      flagged: y.flagged,
      flags: y.flags,
      perCapitaNetIncome: y.perCapitaNetIncome,
      evaluation: y.evaluation,
    })
    .from(y)
    .where(
      sql`(${y.householdId}, ${y.year}) in (select * from unnest(
        ${sql.param(items.map((i) => i.household.id))}::bigint[], ${sql.param(items.map((i) => i.year))}::int[]))`,
    );
  return new Map(rows.map((r) => [`${r.householdId}:${r.year}`, r]));
}

/**
 * Writes a page of household-years inside the caller's transaction (the economics ledger import) with
 * the observable result of calling saveHouseholdYear on each in turn: the same stored facts and
 * evaluation, one audit entry and one timeline event per household-year, in the page's order, with the
 * same before and after. The page must name each household at most once: then no row's before or after
 * depends on another row of the page, and the whole page goes in a few statements (read the rows before,
 * upsert the facts, evaluate, read them after, insert the audit entries and the events). The caller has
 * checked that the actor may write the households and holds their locks.
 *
 * Evaluation: evaluateHouseholdYears, which stores for each written row what refreshHousehold would and
 * follows the next year's rows whose income-drop rule changes with it. Unlike refreshHousehold it does
 * not re-stamp the household's other years whose result stays the same (they keep the time their result
 * was derived, as in the bulk re-evaluation), nor re-derive the deep-difficulty groups (they depend on
 * the members alone, which a yearly ledger does not change).
 */
export async function saveHouseholdYears(
  tx: Tx,
  actor: Actor,
  items: readonly HouseholdYearWrite[],
  now: Date,
): Promise<{ created: number; flagged: number }> {
  if (items.length === 0) return { created: 0, flagged: 0 };
  if (new Set(items.map((i) => i.household.id)).size !== items.length)
    throw new Error('saveHouseholdYears: a page names a household more than once');
  const before = await readYears(tx, items);
  const values = items.map(({ household: h, year, input }) => {
    const e = input.econ;
    return {
      household_id: h.id,
      year,
      county_code: h.countyCode,
      region_code: h.regionCode,
      as_of: input.asOf ?? `${year}-12-31`,
      wages: e.wages,
      net_business_income: e.netBusinessIncome,
      property_income: e.propertyIncome,
      transfer_income: e.transferIncome,
      business_costs: e.businessCosts,
      rigid_medical: e.rigidExpenditure.medical,
      rigid_education: e.rigidExpenditure.education,
      rigid_disaster: e.rigidExpenditure.disaster,
      rigid_other: e.rigidExpenditure.other,
      housing_grade: input.housing.grade,
      water: input.water,
      food_clothing: input.foodClothing,
    };
  });
  // One JSON parameter for the page (not thousands of bind parameters). result_hash null: the evaluation
  // below rewrites every written row, as refreshHousehold would, even where the result stays the same.
  await tx.execute(sql`
    insert into ${householdYears} (household_id, year, county_code, region_code, as_of, wages,
      net_business_income, property_income, transfer_income, business_costs, rigid_medical, rigid_education,
      rigid_disaster, rigid_other, housing_grade, water, food_clothing, updated_at)
    select v.household_id, v.year, v.county_code, v.region_code, v.as_of, v.wages, v.net_business_income,
      v.property_income, v.transfer_income, v.business_costs, v.rigid_medical, v.rigid_education,
      v.rigid_disaster, v.rigid_other, v.housing_grade, v.water, v.food_clothing, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(household_id bigint, year integer,
      county_code text, region_code text, as_of date, wages numeric, net_business_income numeric,
      property_income numeric, transfer_income numeric, business_costs numeric, rigid_medical numeric,
      rigid_education numeric, rigid_disaster numeric, rigid_other numeric, housing_grade text, water jsonb,
      food_clothing jsonb)
    on conflict (household_id, year) do update set
      county_code = excluded.county_code, region_code = excluded.region_code, as_of = excluded.as_of,
      wages = excluded.wages, net_business_income = excluded.net_business_income,
      property_income = excluded.property_income, transfer_income = excluded.transfer_income,
      business_costs = excluded.business_costs, rigid_medical = excluded.rigid_medical,
      rigid_education = excluded.rigid_education, rigid_disaster = excluded.rigid_disaster,
      rigid_other = excluded.rigid_other, housing_grade = excluded.housing_grade, water = excluded.water,
      food_clothing = excluded.food_clothing, updated_at = excluded.updated_at, result_hash = null`);
  const byYear = new Map<number, number[]>();
  for (const i of items) byYear.set(i.year, [...(byYear.get(i.year) ?? []), i.household.id]);
  await evaluateHouseholdYears(tx, byYear, now);
  const after = await readYears(tx, items);
  let created = 0;
  let flagged = 0;
  const entries = [];
  const events = [];
  for (const { household: h, year } of items) {
    const key = `${h.id}:${year}`;
    const b = before.get(key);
    const a = after.get(key)!;
    if (!b) created += 1;
    if (a.flagged) flagged += 1;
    entries.push({
      action: 'household.year',
      entity: 'household_year',
      entityId: key,
      before: b ? auditYear(b) : null,
      after: auditYear(a),
    });
    events.push({ household: h, summary: yearEventSummary(a) });
  }
  await auditMany(tx, actor, entries);
  await recordEvents(tx, actor, now, 'household.year', events);
  return { created, flagged };
}
