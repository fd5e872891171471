import type { Deadline } from '../../../core/plan/plan.schemas';
import type { Indicator, ManualValue, Plan, PlanSummary } from '../../../core/plan/plan-model.schemas';
import { resolveDeadline } from '../../../core/plan/deadline';
import type { Measurement } from '../../../core/progress/measurement';
import type { IndicatorRow, ManualValueRow, PlanDetailRows, PlanRow } from './plans.repository';

export function presentIndicator(row: IndicatorRow, year: number, clauseRef: string | null): Indicator {
  const deadline = (row.deadline as Deadline | null) ?? null;
  return {
    id: row.id,
    planId: row.planId,
    clauseId: row.clauseId,
    clauseRef,
    name: row.name,
    measurement: row.measurement as Measurement,
    comparison: row.comparison as Indicator['comparison'],
    value: row.targetValue,
    valueMax: row.targetMax,
    unit: row.unit as Indicator['unit'],
    deadline,
    dueDate: deadline ? resolveDeadline(deadline, year) : `${year}-12-31`,
    scope: row.scope as Indicator['scope'],
    leadUnitId: row.leadUnitId,
    coUnitIds: (row.coUnitIds as number[]) ?? [],
    sourceText: row.sourceText,
    sort: row.sort,
  };
}

export function presentPlanSummary(row: PlanRow, indicatorCount: number): PlanSummary {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    indicatorCount,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentPlan({ plan, sections, clauses, indicators }: PlanDetailRows): Plan {
  const clauseRef = new Map(clauses.map((c) => [c.id, c.ref]));
  const byClause = new Map<number, Indicator[]>();
  const other: Indicator[] = [];
  for (const row of indicators) {
    const presented = presentIndicator(
      row,
      plan.year,
      row.clauseId ? (clauseRef.get(row.clauseId) ?? null) : null,
    );
    if (row.clauseId && clauseRef.has(row.clauseId)) {
      const list = byClause.get(row.clauseId) ?? [];
      list.push(presented);
      byClause.set(row.clauseId, list);
    } else other.push(presented);
  }
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    sourceText: plan.sourceText,
    sections: sections.map((s) => ({
      id: s.id,
      ref: s.ref,
      number: s.number,
      level: s.level,
      title: s.title,
      clauses: clauses
        .filter((c) => c.sectionId === s.id)
        .map((c) => ({
          id: c.id,
          ref: c.ref,
          number: c.number,
          title: c.title,
          text: c.text,
          indicators: byClause.get(c.id) ?? [],
        })),
    })),
    otherIndicators: other,
    createdAt: plan.createdAt.toISOString(),
  };
}

export function presentManualValue(row: ManualValueRow): ManualValue {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    asOf: row.asOf,
    value: row.value,
    evidence: row.evidence,
    attachments: (row.attachments as ManualValue['attachments']) ?? [],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
