import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError, type ErrorDetail } from '../../../core/errors/errors';
import { extractPlan, listIndicators } from '../../../core/plan/extract-plan';
import {
  IndicatorInputSchema,
  type IndicatorCreate,
  type IndicatorInput,
  type IndicatorUpdate,
  type ManualValueInput,
  type PlanCreate,
} from '../../../core/plan/plan-model.schemas';
import { checkMeasurement } from '../../../core/progress/measurement';
import { suggestMeasurement } from '../../../core/progress/suggest';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { indicatorManualValues, planClauses, planIndicators, planSections, plans } from '../../db/schema';
import type { Deps } from '../../deps';
import { canEditPlans, canReadPlans } from './plans.policy';
import { presentIndicator, presentManualValue, presentPlan, presentPlanSummary } from './plans.presenter';
import {
  findClause,
  findIndicator,
  findPlan,
  findPlanByYear,
  listManualValues as listManualValueRows,
  listPlans as listPlanRows,
  loadPlanDetail,
  missingUnits,
} from './plans.repository';

function requireEditor(actor: Actor) {
  if (!canEditPlans(actor)) throw new AppError('forbidden');
}
function requireReader(actor: Actor) {
  if (!canReadPlans(actor)) throw new AppError('forbidden');
}

/** Problems of an indicator the zod schema cannot see: filter fields of the record type, unit ids. */
async function checkIndicator(db: DbOrTx, input: IndicatorInput, prefix: string): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = checkMeasurement(input.measurement).map((p) => ({
    path: `${prefix}measurement.${p.path}`,
    code: 'indicator.filter',
    message: p.message,
  }));
  const unitIds = [...(input.leadUnitId ? [input.leadUnitId] : []), ...input.coUnitIds];
  for (const id of await missingUnits(db, unitIds)) {
    const path = id === input.leadUnitId ? `${prefix}leadUnitId` : `${prefix}coUnitIds`;
    details.push({
      path,
      code: 'unit.not_found',
      message: { zh: '单位不存在或已停用', en: 'No such active unit' },
    });
  }
  return details;
}

function indicatorValues(input: IndicatorInput) {
  return {
    name: input.name,
    measurement: input.measurement,
    comparison: input.comparison,
    targetValue: input.value,
    targetMax: input.valueMax ?? null,
    unit: input.unit,
    deadline: input.deadline ?? null,
    scope: input.scope,
    leadUnitId: input.leadUnitId ?? null,
    coUnitIds: input.coUnitIds,
    sourceText: input.sourceText ?? null,
  };
}

/** Draft from pasted plan text, with a proposed measurement for each target (the office confirms it). */
export function extractDraft(actor: Actor, input: { text: string; year?: number | null | undefined }) {
  requireEditor(actor);
  const draft = extractPlan(input.text, { year: input.year ?? null });
  return {
    draft,
    suggestions: listIndicators(draft).map((l) => ({
      clauseRef: l.clauseRef,
      name: l.indicator.name,
      suggestion: suggestMeasurement(l.indicator),
    })),
  };
}

/** Saves a confirmed plan with its sections, clauses and indicators, in one transaction (R1–R8). */
export async function createPlan(deps: Deps, actor: Actor, input: PlanCreate) {
  requireEditor(actor);
  const id = await deps.db.transaction((tx) => insertPlan(tx, actor, input));
  return getPlan(deps, actor, id);
}

/** The writes of `createPlan` inside a caller's transaction (also used by the demo loader); audited. */
export async function insertPlan(tx: DbOrTx, actor: Actor, input: PlanCreate): Promise<number> {
  if (await findPlanByYear(tx, input.year)) {
    throw new AppError('conflict', { zh: '该年度的工作要点已存在', en: 'This year already has a plan' }, [
      { path: 'year', code: 'plan.year_taken', message: { zh: '该年度已有工作要点', en: 'Year taken' } },
    ]);
  }
  const problems: ErrorDetail[] = [];
  for (const [si, s] of input.sections.entries())
    for (const [ci, c] of s.clauses.entries())
      for (const [ii, ind] of c.indicators.entries())
        problems.push(...(await checkIndicator(tx, ind, `sections.${si}.clauses.${ci}.indicators.${ii}.`)));
  if (problems.length) throw new AppError('validation', undefined, problems);

  const [plan] = await tx
    .insert(plans)
    .values({
      year: input.year,
      title: input.title,
      sourceText: input.sourceText ?? null,
      createdBy: actor.id || null,
    })
    .returning();
  let sort = 0;
  let indicatorCount = 0;
  for (const [si, s] of input.sections.entries()) {
    const [section] = await tx
      .insert(planSections)
      .values({
        planId: plan!.id,
        ref: s.ref ?? null,
        number: s.number ?? null,
        level: s.level,
        title: s.title,
        sort: si,
      })
      .returning({ id: planSections.id });
    for (const c of s.clauses) {
      const [clause] = await tx
        .insert(planClauses)
        .values({
          planId: plan!.id,
          sectionId: section!.id,
          ref: c.ref,
          number: c.number ?? null,
          title: c.title ?? null,
          text: c.text,
          sort: sort++,
        })
        .returning({ id: planClauses.id });
      if (c.indicators.length) {
        await tx.insert(planIndicators).values(
          c.indicators.map((ind) => ({
            ...indicatorValues(ind),
            planId: plan!.id,
            clauseId: clause!.id,
            sort: indicatorCount++,
          })),
        );
      }
    }
  }
  await audit(tx, actor, {
    action: 'plan.create',
    entity: 'plan',
    entityId: plan!.id,
    after: {
      year: input.year,
      title: input.title,
      sections: input.sections.length,
      indicators: indicatorCount,
    },
  });
  return plan!.id;
}

export async function listPlans(deps: Deps, actor: Actor) {
  requireReader(actor);
  const rows = await listPlanRows(deps.db);
  return rows.map((r) => presentPlanSummary(r.row, r.indicatorCount));
}

export async function getPlan(deps: Deps, actor: Actor, id: number) {
  requireReader(actor);
  const detail = await loadPlanDetail(deps.db, id);
  if (!detail) throw new AppError('not_found');
  return presentPlan(detail);
}

export async function updatePlan(deps: Deps, actor: Actor, id: number, input: { title: string }) {
  requireEditor(actor);
  await deps.db.transaction(async (tx) => {
    const before = await findPlan(tx, id);
    if (!before) throw new AppError('not_found');
    await tx.update(plans).set({ title: input.title, updatedAt: deps.now() }).where(eq(plans.id, id));
    await audit(tx, actor, {
      action: 'plan.update',
      entity: 'plan',
      entityId: id,
      before: { title: before.title },
      after: { title: input.title },
    });
  });
  return getPlan(deps, actor, id);
}

async function checkClause(tx: DbOrTx, planId: number, clauseId: number | null | undefined) {
  if (!clauseId) return;
  const clause = await findClause(tx, clauseId);
  if (!clause || clause.planId !== planId)
    throw fieldError('clauseId', 'clause.not_found', {
      zh: '该条款不属于此工作要点',
      en: 'No such clause in this plan',
    });
}

export async function createIndicator(deps: Deps, actor: Actor, planId: number, input: IndicatorCreate) {
  requireEditor(actor);
  const id = await deps.db.transaction(async (tx) => {
    const plan = await findPlan(tx, planId);
    if (!plan) throw new AppError('not_found');
    await checkClause(tx, planId, input.clauseId);
    const problems = await checkIndicator(tx, input, '');
    if (problems.length) throw new AppError('validation', undefined, problems);
    const [row] = await tx
      .insert(planIndicators)
      .values({ ...indicatorValues(input), planId, clauseId: input.clauseId ?? null, sort: 1000 })
      .returning();
    await audit(tx, actor, {
      action: 'indicator.create',
      entity: 'indicator',
      entityId: row!.id,
      after: presentIndicator(row!, plan.year, null),
    });
    return row!.id;
  });
  return getIndicator(deps, actor, id);
}

export async function getIndicator(deps: Deps, actor: Actor, id: number) {
  requireReader(actor);
  const found = await findIndicator(deps.db, id);
  if (!found) throw new AppError('not_found');
  return presentIndicator(found.indicator, found.year, found.clauseRef);
}

/** Partial update; the merged indicator must still be valid as a whole (e.g. a range keeps its upper bound). */
export async function updateIndicator(deps: Deps, actor: Actor, id: number, input: IndicatorUpdate) {
  requireEditor(actor);
  await deps.db.transaction(async (tx) => {
    const found = await findIndicator(tx, id);
    if (!found) throw new AppError('not_found');
    const before = presentIndicator(found.indicator, found.year, found.clauseRef);
    const merged = IndicatorInputSchema.safeParse({
      name: input.name ?? before.name,
      measurement: input.measurement ?? before.measurement,
      comparison: input.comparison ?? before.comparison,
      value: input.value ?? before.value,
      valueMax: input.valueMax !== undefined ? input.valueMax : before.valueMax,
      unit: input.unit ?? before.unit,
      deadline: input.deadline !== undefined ? input.deadline : before.deadline,
      scope: input.scope ?? before.scope,
      leadUnitId: input.leadUnitId !== undefined ? input.leadUnitId : before.leadUnitId,
      coUnitIds: input.coUnitIds ?? before.coUnitIds,
      sourceText: input.sourceText !== undefined ? input.sourceText : before.sourceText,
    });
    if (!merged.success) {
      throw new AppError(
        'validation',
        undefined,
        merged.error.issues.map((i) => ({
          path: i.path.join('.'),
          code: `validation.${i.code}`,
          message: { zh: i.message, en: i.message },
        })),
      );
    }
    if (input.clauseId !== undefined) await checkClause(tx, found.indicator.planId, input.clauseId);
    const problems = await checkIndicator(tx, merged.data, '');
    if (problems.length) throw new AppError('validation', undefined, problems);
    const [after] = await tx
      .update(planIndicators)
      .set({
        ...indicatorValues(merged.data),
        ...(input.clauseId !== undefined ? { clauseId: input.clauseId } : {}),
        updatedAt: deps.now(),
      })
      .where(eq(planIndicators.id, id))
      .returning();
    await audit(tx, actor, {
      action: 'indicator.update',
      entity: 'indicator',
      entityId: id,
      before,
      after: presentIndicator(after!, found.year, found.clauseRef),
    });
  });
  return getIndicator(deps, actor, id);
}

export async function deleteIndicator(deps: Deps, actor: Actor, id: number) {
  requireEditor(actor);
  await deps.db.transaction(async (tx) => {
    const found = await findIndicator(tx, id);
    if (!found) throw new AppError('not_found');
    await tx.delete(planIndicators).where(eq(planIndicators.id, id));
    await audit(tx, actor, {
      action: 'indicator.delete',
      entity: 'indicator',
      entityId: id,
      before: presentIndicator(found.indicator, found.year, found.clauseRef),
    });
  });
}

/** A manual figure with its evidence (only for `manual` indicators: the rest count themselves from records). */
export async function addManualValue(deps: Deps, actor: Actor, indicatorId: number, input: ManualValueInput) {
  requireEditor(actor);
  return deps.db.transaction(async (tx) => {
    const found = await findIndicator(tx, indicatorId);
    if (!found) throw new AppError('not_found');
    if ((found.indicator.measurement as { kind: string }).kind !== 'manual') {
      throw new AppError('conflict', {
        zh: '该指标由记录自动统计，不能手工填报',
        en: 'This indicator is computed from records; it takes no manual figures',
      });
    }
    if (input.asOf.slice(0, 4) !== String(found.year))
      throw fieldError('asOf', 'manual.wrong_year', {
        zh: '日期须在工作要点年度内',
        en: 'The date must fall in the plan year',
      });
    const [row] = await tx
      .insert(indicatorManualValues)
      .values({
        indicatorId,
        asOf: input.asOf,
        value: input.value,
        evidence: input.evidence,
        attachments: input.attachments,
        createdBy: actor.id || null,
      })
      .returning();
    const presented = presentManualValue(row!);
    await audit(tx, actor, {
      action: 'indicator.manual_value',
      entity: 'indicator',
      entityId: indicatorId,
      after: presented,
    });
    return presented;
  });
}

export async function listManualValues(deps: Deps, actor: Actor, indicatorId: number) {
  requireReader(actor);
  if (!(await findIndicator(deps.db, indicatorId))) throw new AppError('not_found');
  return (await listManualValueRows(deps.db, indicatorId)).map(presentManualValue);
}
