import { and, asc, desc, eq, gt, inArray, like, notInArray, sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '../../../core/accounts/scope';
import type { CaseListQuery } from '../../../core/households/cases.schemas';
import { TERMINAL_STEPS } from '../../../core/households/case-machine';
import type { DbOrTx } from '../../db/client';
import {
  householdCaseAttachments,
  householdCases,
  householdCaseSteps,
  households,
  regions,
} from '../../db/schema';
import type { HouseholdScope } from '../households/households.policy';

export type CaseRow = typeof householdCases.$inferSelect & { headName: string; regionName: string | null };

function scopeSql(scope: HouseholdScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'region') return like(householdCases.regionCode, `${regionPrefix(scope.regionCode)}%`);
  return sql`false`;
}

function base(db: DbOrTx) {
  return db
    .select({ c: householdCases, headName: households.headName, regionName: regions.name })
    .from(householdCases)
    .innerJoin(households, eq(households.id, householdCases.householdId))
    .leftJoin(regions, eq(regions.code, householdCases.regionCode));
}
const flat = (r: {
  c: typeof householdCases.$inferSelect;
  headName: string;
  regionName: string | null;
}): CaseRow => ({
  ...r.c,
  headName: r.headName,
  regionName: r.regionName,
});

export async function findCase(db: DbOrTx, id: number, lock = false): Promise<CaseRow | undefined> {
  if (lock) await db.execute(sql`select id from ${householdCases} where id = ${id} for update`);
  const [row] = await base(db).where(eq(householdCases.id, id));
  return row ? flat(row) : undefined;
}

export async function findOpenCase(db: DbOrTx, householdId: number) {
  const [row] = await db
    .select({ id: householdCases.id })
    .from(householdCases)
    .where(
      and(eq(householdCases.householdId, householdId), notInArray(householdCases.step, [...TERMINAL_STEPS])),
    );
  return row;
}

export async function listCases(
  db: DbOrTx,
  scope: HouseholdScope,
  q: Omit<CaseListQuery, 'limit'> & { limit: number; steps?: string[] },
): Promise<CaseRow[]> {
  const where: (SQL | undefined)[] = [scopeSql(scope)];
  if (q.step) where.push(eq(householdCases.step, q.step));
  if (q.steps) where.push(inArray(householdCases.step, q.steps));
  if (q.kind) where.push(eq(householdCases.kind, q.kind));
  if (q.householdId) where.push(eq(householdCases.householdId, q.householdId));
  if (q.open === 'true') where.push(notInArray(householdCases.step, [...TERMINAL_STEPS]));
  if (q.open === 'false') where.push(inArray(householdCases.step, [...TERMINAL_STEPS]));
  if (q.after) where.push(gt(householdCases.id, q.after));
  const rows = await base(db)
    .where(and(...where))
    .orderBy(asc(householdCases.id))
    .limit(q.limit);
  return rows.map(flat);
}

export async function caseSteps(db: DbOrTx, caseId: number) {
  return db
    .select()
    .from(householdCaseSteps)
    .where(eq(householdCaseSteps.caseId, caseId))
    .orderBy(asc(householdCaseSteps.id));
}

export async function caseAttachments(db: DbOrTx, caseId: number) {
  return db
    .select()
    .from(householdCaseAttachments)
    .where(eq(householdCaseAttachments.caseId, caseId))
    .orderBy(desc(householdCaseAttachments.id));
}
