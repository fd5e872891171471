import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { activities, regions, units } from '../../db/schema';
import type { ActivityScope } from './activities.policy';

export const activityColumns = {
  id: activities.id,
  type: activities.type,
  date: activities.date,
  unitId: activities.unitId,
  unitName: units.name,
  regionCode: activities.regionCode,
  regionName: regions.name,
  countyCode: activities.countyCode,
  townCode: activities.townCode,
  amountYuan: activities.amountYuan,
  peopleCount: activities.peopleCount,
  personName: activities.personName,
  personHash: activities.personHash,
  personIdEnc: activities.personIdEnc,
  details: activities.details,
  evidence: activities.evidence,
  note: activities.note,
  createdBy: activities.createdBy,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
};

export type ActivityRow = {
  id: number;
  type: string;
  date: string;
  unitId: number;
  unitName: string | null;
  regionCode: string;
  regionName: string | null;
  countyCode: string;
  townCode: string | null;
  amountYuan: number | null;
  peopleCount: number | null;
  personName: string | null;
  personHash: string | null;
  personIdEnc: string | null;
  details: unknown;
  evidence: unknown;
  note: string | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The scope filter in SQL, from the actor (never from the client). */
export function scopeWhere(scope: ActivityScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'unit':
      return eq(activities.unitId, scope.unitId);
    case 'town':
      return and(eq(activities.townCode, scope.townCode), inArray(activities.type, [...scope.types]));
    case 'none':
      return sql`false`;
  }
}

export function baseActivityQuery(db: DbOrTx) {
  return db
    .select(activityColumns)
    .from(activities)
    .leftJoin(units, eq(units.id, activities.unitId))
    .leftJoin(regions, eq(regions.code, activities.regionCode));
}

export async function findActivity(db: DbOrTx, id: number): Promise<ActivityRow | undefined> {
  const [row] = await baseActivityQuery(db).where(eq(activities.id, id));
  return row;
}

/** Newest first; keyset on id (`after` = the last id of the previous page). */
export async function listActivities(
  db: DbOrTx,
  scope: ActivityScope,
  q: {
    type?: string | undefined;
    unitId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    after?: number | undefined;
    limit: number;
  },
): Promise<ActivityRow[]> {
  return baseActivityQuery(db)
    .where(
      and(
        scopeWhere(scope),
        q.type ? eq(activities.type, q.type) : undefined,
        q.unitId ? eq(activities.unitId, q.unitId) : undefined,
        q.from ? gte(activities.date, q.from) : undefined,
        q.to ? lte(activities.date, q.to) : undefined,
        q.after ? lt(activities.id, q.after) : undefined,
      ),
    )
    .orderBy(desc(activities.id))
    .limit(q.limit);
}

export async function findUnit(db: DbOrTx, id: number) {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

/** The town office 镇(街)办 governing a town, for town users without a unit. */
export async function findTownOffice(db: DbOrTx, townCode: string) {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.kind, 'town_office'), eq(units.regionCode, townCode), eq(units.active, true)));
  return row;
}

export async function findRegion(db: DbOrTx, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}
