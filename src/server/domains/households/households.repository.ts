import { and, asc, eq, gt, inArray, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { regionPrefix } from '../../../core/accounts/scope';
import type { HouseholdListQuery } from '../../../core/households/households.schemas';
import type { DbOrTx } from '../../db/client';
import {
  householdNameBigrams,
  householdCases,
  householdMeasures,
  householdMembers,
  households,
  householdYears,
  regions,
} from '../../db/schema';
import type { HouseholdScope } from './households.policy';

const town = alias(regions, 'town');

export type HouseholdRow = typeof households.$inferSelect & {
  regionName: string | null;
  townName: string | null;
  size: number;
};
export type MemberRow = typeof householdMembers.$inferSelect;
export type HouseholdYearRow = typeof householdYears.$inferSelect;

const sizeExpr = sql<number>`(select count(*)::int from ${householdMembers} m where m.household_id = ${households.id} and m.active)`;

function selectHouseholds(db: DbOrTx) {
  return db
    .select({
      h: households,
      regionName: regions.name,
      townName: town.name,
      size: sizeExpr,
    })
    .from(households)
    .leftJoin(regions, eq(regions.code, households.regionCode))
    .leftJoin(town, eq(town.code, regions.parentCode));
}

const flatten = (r: {
  h: typeof households.$inferSelect;
  regionName: string | null;
  townName: string | null;
  size: number;
}): HouseholdRow => ({ ...r.h, regionName: r.regionName, townName: r.townName, size: Number(r.size) });

/**
 * A region subtree over the households table, in the form the indexes serve with the list's id order:
 * region codes are 12 digits, so a village is an equality (households_region_idx: region, id) and a town
 * (9-digit prefix) the town expression (households_town_idx: town, id); other prefixes stay a LIKE.
 */
export function regionCondition(code: string): SQL {
  const p = regionPrefix(code);
  if (p.length === 12) return eq(households.regionCode, p);
  if (p.length === 9) return sql`substr(${households.regionCode}, 1, 9) = ${p}`;
  return like(households.regionCode, `${p}%`);
}

/** The SQL form of an actor's scope over the households table. */
export function scopeCondition(scope: HouseholdScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'region':
      return regionCondition(scope.regionCode);
    case 'unit':
      return eq(households.assistUnitId, scope.unitId);
    case 'none':
      return sql`false`;
  }
}

export async function findHousehold(db: DbOrTx, id: number): Promise<HouseholdRow | undefined> {
  const [row] = await selectHouseholds(db).where(eq(households.id, id));
  return row ? flatten(row) : undefined;
}

/** Locks the household row for the rest of the transaction (changes to one household serialise). */
export async function lockHousehold(db: DbOrTx, id: number): Promise<void> {
  await db.execute(sql`select id from ${households} where id = ${id} for update`);
}

/**
 * Locks many households as lockHousehold does one: in id order (one statement per 5,000 ids, ascending),
 * so two writers over overlapping households cannot deadlock.
 */
export async function lockHouseholds(db: DbOrTx, ids: readonly number[]): Promise<void> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 5000)
    await db.execute(
      sql`select id from ${households} where id = any(${sql.param(sorted.slice(i, i + 5000))}::bigint[]) order by id for update`,
    );
}

export async function findMembers(db: DbOrTx, householdId: number, activeOnly = false): Promise<MemberRow[]> {
  return db
    .select()
    .from(householdMembers)
    .where(
      and(
        eq(householdMembers.householdId, householdId),
        activeOnly ? eq(householdMembers.active, true) : undefined,
      ),
    )
    .orderBy(asc(householdMembers.sort), asc(householdMembers.id));
}

/** Active members elsewhere holding one of these ID hashes (the duplicate check before the unique index). */
export async function findActiveByIdHash(db: DbOrTx, hashes: string[]) {
  if (hashes.length === 0) return [];
  return db
    .select({
      memberId: householdMembers.id,
      idHash: householdMembers.idHash,
      householdId: householdMembers.householdId,
      regionCode: households.regionCode,
      assistUnitId: households.assistUnitId,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(inArray(householdMembers.idHash, hashes), eq(householdMembers.active, true)));
}

export async function findYears(db: DbOrTx, householdId: number): Promise<HouseholdYearRow[]> {
  return db
    .select()
    .from(householdYears)
    .where(eq(householdYears.householdId, householdId))
    .orderBy(asc(householdYears.year));
}

export async function findYear(db: DbOrTx, householdId: number, year: number) {
  const [row] = await db
    .select()
    .from(householdYears)
    .where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, year)));
  return row;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The filter of a household list (scope first, then the query); shared by the list, the export and
 * the watch list so all three always agree. `idHash` is the keyed hash of a full ID number in `q`.
 */
export function listConditions(
  scope: HouseholdScope,
  q: Omit<HouseholdListQuery, 'limit' | 'after'>,
  idHash: string | null,
): SQL[] {
  const where: SQL[] = [];
  if (q.regionCode && scope.kind === 'region') {
    // One region condition, not two: a subtree inside the scope implies the scope (and the other way
    // round), and disjoint subtrees select nothing. One condition lets one index give the page order.
    const inner = regionPrefix(q.regionCode);
    const outer = regionPrefix(scope.regionCode);
    if (inner.startsWith(outer)) where.push(regionCondition(q.regionCode));
    else if (outer.startsWith(inner)) where.push(regionCondition(scope.regionCode));
    else where.push(sql`false`);
  } else {
    const s = scopeCondition(scope);
    if (s) where.push(s);
    if (q.regionCode) where.push(regionCondition(q.regionCode));
  }
  if (q.includeInactive !== 'true') where.push(eq(households.active, true));
  if (q.monitoringStatus) where.push(eq(households.monitoringStatus, q.monitoringStatus));
  if (q.monitoringType) where.push(eq(households.monitoringType, q.monitoringType));
  if (q.deepGroup) where.push(sql`${households.deepGroups} @> ${JSON.stringify([q.deepGroup])}::jsonb`);
  if (q.q) {
    if (idHash) {
      where.push(
        sql`exists (select 1 from ${householdMembers} m where m.household_id = ${households.id} and m.id_hash = ${idHash})`,
      );
    } else {
      // A name anywhere in an active member's name, one row per household (no probe of the members
      // table). Two characters (a surname and one of the given name: the common search) through the
      // bigram postings, walked in list order for the gram, and within the one town the list is limited
      // to when it is: ~50 probes a page however many households match. Otherwise the grams select
      // (GIN, households_name_grams_idx, or a filter while the planner walks the list order when they are
      // frequent); one character is exact; a longer query's bigrams may lie apart, so the LIKE confirms.
      // Without the LIKE the planner's row estimate is the grams' own (array statistics), which is what
      // lets it pick the right plan.
      const chars = [...q.q];
      const town = townOf(scope, q.regionCode);
      const name = q.q.includes('|')
        ? sql`false`
        : chars.length === 2
          ? sql`exists (select 1 from ${householdNameBigrams} g where g.gram = ${q.q} and g.household_id = ${households.id}${town ? sql` and g.town = ${town}` : sql``})`
          : chars.length < 2
            ? sql`${households.nameGrams} @> ${sql.param(searchGrams(q.q))}::text[]`
            : sql`(${households.nameGrams} @> ${sql.param(searchGrams(q.q))}::text[] and ${households.memberNames} like ${`%${escapeLike(q.q)}%`})`;
      where.push(/\p{Script=Han}/u.test(q.q) ? name : sql`(${households.householdNo} = ${q.q} or ${name})`);
    }
  }
  if (q.year !== undefined && (q.flagged || q.flagRule)) {
    const cond: SQL[] = [sql`y.household_id = ${households.id}`, sql`y.year = ${q.year}`];
    if (q.flagged) cond.push(sql`y.flagged = ${q.flagged === 'true'}`);
    if (q.flagRule) cond.push(sql`y.flag_rules @> ${JSON.stringify([q.flagRule])}::jsonb`);
    // OFFSET 0: probe each household of the page order (household_years_flagged_idx) rather than a merge
    // join that walks every flagged row of the year from the first id to the scope's first household.
    where.push(sql`exists (select 1 from ${householdYears} y where ${sql.join(cond, sql` and `)} offset 0)`);
  }
  if (q.withoutMeasure === 'true') {
    // R12 "targeted measures by category": with a group, the households in it that no measure targets
    // for that group; without one, the households with at least one of their groups uncovered. The
    // deep-difficulty summary counts the same way, so its figures and this list agree.
    if (q.deepGroup)
      where.push(
        sql`not exists (select 1 from ${householdMeasures} ms where ms.household_id = ${households.id} and ms.deep_group = ${q.deepGroup})`,
      );
    else
      where.push(
        sql`exists (select 1 from jsonb_array_elements_text(${households.deepGroups}) as g(grp) where not exists (select 1 from ${householdMeasures} ms where ms.household_id = ${households.id} and ms.deep_group = g.grp))`,
      );
  }
  if (q.caseStep) {
    where.push(
      sql`exists (select 1 from ${householdCases} c where c.household_id = ${households.id} and c.step = ${q.caseStep})`,
    );
  }
  return where;
}

/** The one town (first 9 digits of a region code) a list is limited to, by its scope or its filter. */
function townOf(scope: HouseholdScope, regionCode: string | undefined): string | null {
  for (const code of [regionCode, scope.kind === 'region' ? scope.regionCode : undefined]) {
    if (code && regionPrefix(code).length >= 9) return code.slice(0, 9);
  }
  return null;
}

/**
 * The grams a name search looks for, as household_name_grams stores them (migration 0004): the character
 * itself for one character, else every bigram of the query (each stored bigram lies inside one name).
 */
export function searchGrams(q: string): string[] {
  const c = [...q];
  if (c.length <= 1) return c;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < c.length; i++) grams.add(c[i]! + c[i + 1]!);
  return [...grams];
}

/** Keyset page of households (ascending id), with the given year's flag summary when asked. */
export async function listHouseholds(
  db: DbOrTx,
  where: SQL[],
  opts: { after?: number | undefined; limit: number; year?: number | undefined },
) {
  const conds = [...where];
  if (opts.after) conds.push(gt(households.id, opts.after));
  const rows = await db
    .select({
      h: households,
      regionName: regions.name,
      townName: town.name,
      size: sizeExpr,
      flagged: householdYears.flagged,
      flagRules: householdYears.flagRules,
      perCapitaNetIncome: householdYears.perCapitaNetIncome,
    })
    .from(households)
    .leftJoin(regions, eq(regions.code, households.regionCode))
    .leftJoin(town, eq(town.code, regions.parentCode))
    .leftJoin(
      householdYears,
      and(eq(householdYears.householdId, households.id), eq(householdYears.year, opts.year ?? -1)),
    )
    .where(and(...conds))
    .orderBy(asc(households.id))
    .limit(opts.limit);
  return rows.map((r) => ({
    ...flatten(r),
    flagged: r.flagged,
    flagRules: r.flagRules ?? [],
    perCapitaNetIncome: r.perCapitaNetIncome,
  }));
}
export type HouseholdListRow = Awaited<ReturnType<typeof listHouseholds>>[number];
