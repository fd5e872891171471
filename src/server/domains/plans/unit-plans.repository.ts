import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { unitLedgerEntries, unitPlans, units } from '../../db/schema';

export type UnitPlanRow = typeof unitPlans.$inferSelect & { unitName: string };
export type LedgerEntryRow = typeof unitLedgerEntries.$inferSelect;

const totalsColumns = {
  entries: sql<number>`count(${unitLedgerEntries.id})::int`,
  moneyYuan: sql<string>`coalesce(sum(${unitLedgerEntries.moneyYuan}), 0)`,
  materialsValueYuan: sql<string>`coalesce(sum(${unitLedgerEntries.materialsValueYuan}), 0)`,
  households: sql<string>`coalesce(sum(${unitLedgerEntries.households}), 0)`,
  incomeIncreaseYuan: sql<string>`coalesce(sum(${unitLedgerEntries.incomeIncreaseYuan}), 0)`,
};

export type Totals = {
  entries: number;
  moneyYuan: number;
  materialsValueYuan: number;
  households: number;
  incomeIncreaseYuan: number;
};

function toTotals(r: Record<keyof typeof totalsColumns, unknown> | undefined): Totals {
  return {
    entries: Number(r?.entries ?? 0),
    moneyYuan: Number(r?.moneyYuan ?? 0),
    materialsValueYuan: Number(r?.materialsValueYuan ?? 0),
    households: Number(r?.households ?? 0),
    incomeIncreaseYuan: Number(r?.incomeIncreaseYuan ?? 0),
  };
}

/** Plans of a year with their ledger totals, one GROUP BY. */
export async function listUnitPlans(db: DbOrTx, year: number, unitId: number | null) {
  const rows = await db
    .select({ plan: unitPlans, unitName: units.name, ...totalsColumns })
    .from(unitPlans)
    .innerJoin(units, eq(units.id, unitPlans.unitId))
    .leftJoin(unitLedgerEntries, eq(unitLedgerEntries.unitPlanId, unitPlans.id))
    .where(and(eq(unitPlans.year, year), unitId ? eq(unitPlans.unitId, unitId) : undefined))
    .groupBy(unitPlans.id, units.name, units.sort)
    .orderBy(asc(units.sort), asc(unitPlans.unitId));
  return rows.map((r) => ({ plan: { ...r.plan, unitName: r.unitName }, totals: toTotals(r) }));
}

export async function findUnitPlan(
  db: DbOrTx,
  unitId: number,
  year: number,
): Promise<UnitPlanRow | undefined> {
  const [row] = await db
    .select({ plan: unitPlans, unitName: units.name })
    .from(unitPlans)
    .innerJoin(units, eq(units.id, unitPlans.unitId))
    .where(and(eq(unitPlans.unitId, unitId), eq(unitPlans.year, year)));
  return row ? { ...row.plan, unitName: row.unitName } : undefined;
}

export async function ledgerTotals(db: DbOrTx, unitPlanId: number): Promise<Totals> {
  const [row] = await db
    .select(totalsColumns)
    .from(unitLedgerEntries)
    .where(eq(unitLedgerEntries.unitPlanId, unitPlanId));
  return toTotals(row);
}

export async function listEntries(db: DbOrTx, unitPlanId: number) {
  return db
    .select()
    .from(unitLedgerEntries)
    .where(eq(unitLedgerEntries.unitPlanId, unitPlanId))
    .orderBy(asc(unitLedgerEntries.date), asc(unitLedgerEntries.id));
}

export async function findEntry(db: DbOrTx, id: number) {
  const [row] = await db.select().from(unitLedgerEntries).where(eq(unitLedgerEntries.id, id));
  return row;
}

export async function findActiveUnit(db: DbOrTx, id: number) {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.id, id), eq(units.active, true)));
  return row;
}
