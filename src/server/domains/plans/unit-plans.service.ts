import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import type { LedgerEntryInput, UnitPlanInput } from '../../../core/plan/unit-plan.schemas';
import { audit } from '../../audit/audit';
import { unitLedgerEntries, unitPlans } from '../../db/schema';
import type { Deps } from '../../deps';
import { canSeeUnitPlan, canWriteUnitPlan, unitPlanListScope } from './unit-plans.policy';
import { auditEntry, presentEntry, presentUnitPlan } from './unit-plans.presenter';
import {
  findActiveUnit,
  findEntry,
  findUnitPlan,
  ledgerTotals,
  listEntries,
  listUnitPlans as listUnitPlanRows,
} from './unit-plans.repository';

export async function listUnitPlans(deps: Deps, actor: Actor, year: number) {
  const scope = unitPlanListScope(actor);
  if (scope === 'none') throw new AppError('forbidden');
  const rows = await listUnitPlanRows(deps.db, year, scope);
  return rows.map((r) => presentUnitPlan(r.plan, r.totals));
}

export async function getUnitPlan(deps: Deps, actor: Actor, unitId: number, year: number) {
  if (!canSeeUnitPlan(actor, unitId)) throw new AppError('not_found');
  const row = await findUnitPlan(deps.db, unitId, year);
  if (!row) throw new AppError('not_found');
  return {
    ...presentUnitPlan(row, await ledgerTotals(deps.db, row.id)),
    entries: (await listEntries(deps.db, row.id)).map(presentEntry),
  };
}

/** Creates or replaces a unit's plan for the year (R2: 帮扶计划, the unit's top leader responsible, R13). */
export async function putUnitPlan(
  deps: Deps,
  actor: Actor,
  unitId: number,
  year: number,
  input: UnitPlanInput,
) {
  if (!canWriteUnitPlan(actor, unitId)) throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    if (!(await findActiveUnit(tx, unitId))) throw new AppError('not_found');
    const before = await findUnitPlan(tx, unitId, year);
    const values = {
      responsiblePerson: input.responsiblePerson,
      responsibleTitle: input.responsibleTitle ?? null,
      contactPerson: input.contactPerson ?? null,
      focus: input.focus ?? null,
      measures: input.measures,
      targets: input.targets,
      plannedMoneyYuan: input.plannedMoneyYuan ?? null,
      plannedMaterials: input.plannedMaterials ?? null,
      plannedIncomeIncreaseYuan: input.plannedIncomeIncreaseYuan ?? null,
    };
    if (before) {
      await tx
        .update(unitPlans)
        .set({ ...values, updatedAt: deps.now() })
        .where(eq(unitPlans.id, before.id));
    } else {
      await tx.insert(unitPlans).values({ ...values, unitId, year });
    }
    const after = (await findUnitPlan(tx, unitId, year))!;
    const zero = { entries: 0, moneyYuan: 0, materialsValueYuan: 0, households: 0, incomeIncreaseYuan: 0 };
    const strip = (p: ReturnType<typeof presentUnitPlan>) => {
      const { totals: _t, updatedAt: _u, ...rest } = p;
      return rest;
    };
    await audit(tx, actor, {
      action: before ? 'unit_plan.update' : 'unit_plan.create',
      entity: 'unit_plan',
      entityId: after.id,
      before: before ? strip(presentUnitPlan(before, zero)) : undefined,
      after: strip(presentUnitPlan(after, zero)),
    });
  });
  return getUnitPlan(deps, actor, unitId, year);
}

/** Adds a ledger entry 台账 to a unit's plan of the year (the plan must exist first). */
export async function addLedgerEntry(
  deps: Deps,
  actor: Actor,
  unitId: number,
  year: number,
  input: LedgerEntryInput,
) {
  if (!canWriteUnitPlan(actor, unitId)) throw new AppError('forbidden');
  if (input.date.slice(0, 4) !== String(year))
    throw fieldError('date', 'ledger.wrong_year', {
      zh: '日期须在计划年度内',
      en: 'The date must fall in the plan year',
    });
  return deps.db.transaction(async (tx) => {
    const plan = await findUnitPlan(tx, unitId, year);
    if (!plan)
      throw new AppError('not_found', {
        zh: '请先填写本单位本年度帮扶计划',
        en: "Write the unit's plan for the year first",
      });
    const [row] = await tx
      .insert(unitLedgerEntries)
      .values({ ...entryValues(input), unitPlanId: plan.id, unitId, createdBy: actor.id || null })
      .returning();
    const presented = presentEntry(row!);
    await audit(tx, actor, {
      action: 'ledger_entry.create',
      entity: 'ledger_entry',
      entityId: row!.id,
      after: auditEntry(presented),
    });
    return presented;
  });
}

function entryValues(input: LedgerEntryInput) {
  return {
    date: input.date,
    measure: input.measure,
    moneyYuan: input.moneyYuan ?? null,
    materials: input.materials ?? null,
    materialsValueYuan: input.materialsValueYuan ?? null,
    households: input.households ?? null,
    incomeIncreaseYuan: input.incomeIncreaseYuan ?? null,
    note: input.note ?? null,
  };
}

async function loadEntry(
  deps: Deps,
  tx: Parameters<Parameters<Deps['db']['transaction']>[0]>[0],
  actor: Actor,
  id: number,
) {
  const row = await findEntry(tx, id);
  if (!row || !canSeeUnitPlan(actor, row.unitId)) throw new AppError('not_found');
  if (!canWriteUnitPlan(actor, row.unitId)) throw new AppError('forbidden');
  return row;
}

export async function updateLedgerEntry(deps: Deps, actor: Actor, id: number, input: LedgerEntryInput) {
  return deps.db.transaction(async (tx) => {
    const before = await loadEntry(deps, tx, actor, id);
    if (input.date.slice(0, 4) !== before.date.slice(0, 4))
      throw fieldError('date', 'ledger.wrong_year', {
        zh: '日期须在计划年度内',
        en: 'The date must fall in the plan year',
      });
    const [after] = await tx
      .update(unitLedgerEntries)
      .set({ ...entryValues(input), updatedAt: deps.now() })
      .where(eq(unitLedgerEntries.id, id))
      .returning();
    const presented = presentEntry(after!);
    await audit(tx, actor, {
      action: 'ledger_entry.update',
      entity: 'ledger_entry',
      entityId: id,
      before: auditEntry(presentEntry(before)),
      after: auditEntry(presented),
    });
    return presented;
  });
}

export async function deleteLedgerEntry(deps: Deps, actor: Actor, id: number) {
  await deps.db.transaction(async (tx) => {
    const before = await loadEntry(deps, tx, actor, id);
    await tx.delete(unitLedgerEntries).where(eq(unitLedgerEntries.id, id));
    await audit(tx, actor, {
      action: 'ledger_entry.delete',
      entity: 'ledger_entry',
      entityId: id,
      before: auditEntry(presentEntry(before)),
    });
  });
}
