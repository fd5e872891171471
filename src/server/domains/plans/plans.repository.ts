import { and, asc, count, desc, eq, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  indicatorManualValues,
  planClauses,
  planIndicators,
  planSections,
  plans,
  units,
} from '../../db/schema';

export type PlanRow = typeof plans.$inferSelect;
export type SectionRow = typeof planSections.$inferSelect;
export type ClauseRow = typeof planClauses.$inferSelect;
export type IndicatorRow = typeof planIndicators.$inferSelect;
export type ManualValueRow = typeof indicatorManualValues.$inferSelect;
export interface PlanDetailRows {
  plan: PlanRow;
  sections: SectionRow[];
  clauses: ClauseRow[];
  indicators: IndicatorRow[];
}

export async function findPlan(db: DbOrTx, id: number): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

export async function findPlanByYear(db: DbOrTx, year: number): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.year, year));
  return row;
}

export async function listPlans(db: DbOrTx) {
  const rows = await db.select().from(plans).orderBy(desc(plans.year));
  const counts = await db
    .select({ planId: planIndicators.planId, n: count() })
    .from(planIndicators)
    .groupBy(planIndicators.planId);
  const byPlan = new Map(counts.map((c) => [c.planId, c.n]));
  return rows.map((row) => ({ row, indicatorCount: byPlan.get(row.id) ?? 0 }));
}

export async function loadPlanDetail(db: DbOrTx, id: number): Promise<PlanDetailRows | undefined> {
  const plan = await findPlan(db, id);
  if (!plan) return undefined;
  const [sections, clauses, indicators] = [
    await db.select().from(planSections).where(eq(planSections.planId, id)).orderBy(asc(planSections.sort)),
    await db.select().from(planClauses).where(eq(planClauses.planId, id)).orderBy(asc(planClauses.sort)),
    await listIndicatorRows(db, id),
  ];
  return { plan, sections, clauses, indicators };
}

export async function listIndicatorRows(db: DbOrTx, planId: number): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(planIndicators)
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.sort), asc(planIndicators.id));
}

export async function findIndicator(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ indicator: planIndicators, year: plans.year, clauseRef: planClauses.ref })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .leftJoin(planClauses, eq(planClauses.id, planIndicators.clauseId))
    .where(eq(planIndicators.id, id));
  return row;
}

export async function findClause(db: DbOrTx, id: number) {
  const [row] = await db.select().from(planClauses).where(eq(planClauses.id, id));
  return row;
}

/** Ids among `ids` that are not active units. */
export async function missingUnits(db: DbOrTx, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, ids), eq(units.active, true)));
  const present = new Set(found.map((f) => f.id));
  return ids.filter((id) => !present.has(id));
}

export async function listManualValues(db: DbOrTx, indicatorId: number, asOf?: string) {
  return db
    .select()
    .from(indicatorManualValues)
    .where(
      and(
        eq(indicatorManualValues.indicatorId, indicatorId),
        asOf ? lte(indicatorManualValues.asOf, asOf) : undefined,
      ),
    )
    .orderBy(asc(indicatorManualValues.asOf), asc(indicatorManualValues.id));
}
