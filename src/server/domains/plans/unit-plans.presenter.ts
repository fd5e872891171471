import type { LedgerEntry, UnitPlan } from '../../../core/plan/unit-plan.schemas';
import type { LedgerEntryRow, Totals, UnitPlanRow } from './unit-plans.repository';

export function presentUnitPlan(row: UnitPlanRow, totals: Totals): UnitPlan {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    year: row.year,
    responsiblePerson: row.responsiblePerson,
    responsibleTitle: row.responsibleTitle,
    contactPerson: row.contactPerson,
    focus: row.focus,
    measures: (row.measures as string[]) ?? [],
    targets: (row.targets as UnitPlan['targets']) ?? [],
    plannedMoneyYuan: row.plannedMoneyYuan,
    plannedMaterials: row.plannedMaterials,
    plannedIncomeIncreaseYuan: row.plannedIncomeIncreaseYuan,
    totals,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentEntry(row: LedgerEntryRow): LedgerEntry {
  return {
    id: row.id,
    unitPlanId: row.unitPlanId,
    unitId: row.unitId,
    date: row.date,
    measure: row.measure,
    moneyYuan: row.moneyYuan,
    materials: row.materials,
    materialsValueYuan: row.materialsValueYuan,
    households: row.households,
    incomeIncreaseYuan: row.incomeIncreaseYuan,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Audit shape of an entry (no timestamps). */
export function auditEntry(e: LedgerEntry) {
  const { createdAt: _c, ...rest } = e;
  return rest;
}
