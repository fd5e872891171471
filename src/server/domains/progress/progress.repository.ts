import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { BaseMeasurement } from '../../../core/progress/measurement';
import type { DbOrTx } from '../../db/client';
import { activities, regions, units } from '../../db/schema';
import type { ActivityScope } from '../activities/activities.policy';
import { baseActivityQuery, scopeWhere, type ActivityRow } from '../activities/activities.repository';

/** The records a base measurement looks at: its type, and its filter as jsonb containment on `details`. */
export function measurementWhere(m: BaseMeasurement): SQL {
  const type = sql`${activities.type} = ${m.recordType}`;
  if (Object.keys(m.filter).length === 0) return type;
  return sql`(${type} and ${activities.details} @> ${JSON.stringify(m.filter)}::jsonb)`;
}

function aggregate(m: BaseMeasurement, cutoff: string): SQL {
  const where = sql`${measurementWhere(m)} and ${activities.date} <= ${cutoff}`;
  switch (m.kind) {
    case 'count':
      return m.distinctOn === 'date'
        ? sql`count(distinct ${activities.date}) filter (where ${where})`
        : sql`count(*) filter (where ${where})`;
    case 'distinct_people':
      // R6: a person placed twice counts once (keyed hash of the normalised ID number).
      return sql`count(distinct ${activities.personHash}) filter (where ${where})`;
    case 'sum': {
      const column = m.field === 'amountYuan' ? activities.amountYuan : activities.peopleCount;
      return sql`coalesce(sum(${column}) filter (where ${where}), 0)`;
    }
  }
}

export interface FigureRow {
  /** 'total' | 'unit' | 'town' */
  level: 'total' | 'unit' | 'town';
  unitId: number | null;
  townCode: string | null;
  /** values[measure][cutoff], raw (yuan, people, records). */
  values: number[][];
}

/**
 * One GROUP BY over the records for one indicator: the district total, each unit and each town, for
 * every base measurement at every cut-off date, in a single scan (FILTER clauses, GROUPING SETS).
 */
export async function aggregateFigures(
  db: DbOrTx,
  measures: BaseMeasurement[],
  yearStart: string,
  cutoffs: string[],
): Promise<FigureRow[]> {
  const last = cutoffs.reduce((a, b) => (a > b ? a : b));
  const columns = measures.flatMap((m, i) =>
    cutoffs.map((c, j) => sql`${aggregate(m, c)} as ${sql.raw(`m${i}_c${j}`)}`),
  );
  const types = [...new Set(measures.map((m) => m.recordType))];
  const query = sql`
    select grouping(${activities.unitId}) as g_unit, grouping(${activities.townCode}) as g_town,
           ${activities.unitId} as unit_id, ${activities.townCode} as town_code, ${sql.join(columns, sql`, `)}
    from ${activities}
    where ${activities.date} >= ${yearStart} and ${activities.date} <= ${last}
      and ${activities.type} in (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )})
    group by grouping sets ((), (${activities.unitId}), (${activities.townCode}))`;
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => ({
    level:
      Number(r.g_unit) === 1 && Number(r.g_town) === 1 ? 'total' : Number(r.g_unit) === 0 ? 'unit' : 'town',
    unitId: r.unit_id == null ? null : Number(r.unit_id),
    townCode: (r.town_code as string | null) ?? null,
    values: measures.map((_, i) => cutoffs.map((_c, j) => Number(r[`m${i}_c${j}`] ?? 0))),
  }));
}

/** The district's towns/streets, in order (per-town indicators give each one a verdict). */
export async function listDistrictTowns(db: DbOrTx) {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tree, 'district'), eq(regions.level, 'town')))
    .orderBy(asc(regions.sort), asc(regions.code));
}

/** Active member units (per-unit indicators give each one a verdict). */
export async function listMemberUnits(db: DbOrTx) {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.kind, 'member'), eq(units.active, true)))
    .orderBy(asc(units.sort), asc(units.id));
}

export async function unitNames(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function regionNames(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The records behind a figure, in the actor's scope, newest first (keyset on id). */
export async function recordsBehind(
  db: DbOrTx,
  scope: ActivityScope,
  measures: BaseMeasurement[],
  q: {
    from: string;
    to: string;
    unitId?: number | undefined;
    townCode?: string | undefined;
    after?: number | undefined;
    limit: number;
  },
): Promise<ActivityRow[]> {
  return baseActivityQuery(db)
    .where(
      and(
        scopeWhere(scope),
        or(...measures.map(measurementWhere)),
        gte(activities.date, q.from),
        lte(activities.date, q.to),
        q.unitId ? eq(activities.unitId, q.unitId) : undefined,
        q.townCode ? eq(activities.townCode, q.townCode) : undefined,
        q.after ? lt(activities.id, q.after) : undefined,
      ),
    )
    .orderBy(desc(activities.id))
    .limit(q.limit);
}
