import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import { deadlineDueDates } from '../../../core/plan/deadline';
import type { Indicator } from '../../../core/plan/plan-model.schemas';
import {
  combineGroups,
  evaluate,
  unitFactor,
  type Evaluation,
  type ProgressStatus,
} from '../../../core/progress/evaluate';
import { baseMeasurements, type BaseMeasurement, type Measurement } from '../../../core/progress/measurement';
import type { IndicatorProgress, ProgressResponse } from '../../../core/progress/progress.schemas';
import type { Deps } from '../../deps';
import { activityScope } from '../activities/activities.policy';
import { presentActivity } from '../activities/activities.presenter';
import { canReadPlans } from '../plans/plans.policy';
import { presentIndicator, presentManualValue } from '../plans/plans.presenter';
import { findIndicator, findPlan, listIndicatorRows, listManualValues } from '../plans/plans.repository';
import {
  aggregateFigures,
  listDistrictTowns,
  listMemberUnits,
  recordsBehind,
  regionNames,
  unitNames,
  type FigureRow,
} from './progress.repository';

/** Today in China (UTC+8), as an ISO date. */
function todayIn(deps: Deps): string {
  return new Date(deps.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Default evaluation date: today, but never past the plan year's end. */
function resolveAsOf(deps: Deps, year: number, asOf: string | undefined): string {
  if (asOf) return asOf;
  const today = todayIn(deps);
  const end = `${year}-12-31`;
  return today > end ? end : today;
}

/** The figure in the indicator's unit from the raw aggregates of one group at one cut-off. */
function figure(m: Measurement, unit: string, raw: number[] | undefined): number | null {
  if (!raw) return 0;
  if (m.kind === 'ratio') return raw[1] ? Math.round((raw[0]! / raw[1]!) * 10000) / 100 : null;
  if (m.kind === 'sum' && m.field === 'amountYuan') return raw[0]! / unitFactor(unit);
  return raw[0]!;
}

interface Series {
  /** Value at each cut-off (index-aligned with `cutoffs`). */
  at: (number | null)[];
}

function seriesOf(m: Measurement, unit: string, row: FigureRow | undefined, cutoffs: string[]): Series {
  return {
    at: cutoffs.map((_, j) =>
      figure(
        m,
        unit,
        row?.values.map((perCutoff) => perCutoff[j]!),
      ),
    ),
  };
}

function evaluateSeries(
  ind: Indicator,
  year: number,
  asOf: string,
  cutoffs: string[],
  s: Series,
): Evaluation {
  return evaluate({
    comparison: ind.comparison,
    target: ind.value,
    targetMax: ind.valueMax,
    unit: ind.unit,
    deadline: ind.deadline,
    year,
    asOf,
    value: s.at[0] ?? null,
    dueValues: cutoffs.slice(1).map((date, j) => ({ date, value: s.at[j + 1] ?? null })),
  });
}

interface Lookups {
  towns: { code: string; name: string }[];
  members: { id: number; name: string }[];
}

async function progressOf(
  deps: Deps,
  ind: Indicator,
  year: number,
  asOf: string,
  lookups: Lookups,
): Promise<IndicatorProgress> {
  const dueDates = ind.deadline ? deadlineDueDates(ind.deadline, year) : [`${year}-12-31`];
  // Cut-off 0 is asOf (records after the plan year never count for it); then every due date reached.
  const yearEnd = `${year}-12-31`;
  const cutoffs = [asOf > yearEnd ? yearEnd : asOf, ...dueDates.filter((d) => d <= asOf)];
  const base = {
    indicatorId: ind.id,
    name: ind.name,
    clauseRef: ind.clauseRef,
    measurementKind: ind.measurement.kind,
    comparison: ind.comparison,
    target: ind.value,
    targetMax: ind.valueMax,
    unit: ind.unit,
    scope: ind.scope,
    dueDate: ind.dueDate,
    deadlineLabel: ind.deadline?.label ?? null,
  };

  if (ind.measurement.kind === 'manual') {
    const entries = await listManualValues(deps.db, ind.id, asOf);
    const valueAt = (date: string) => {
      const upto = entries.filter((e) => e.asOf <= date);
      return upto.length ? upto[upto.length - 1]!.value : null;
    };
    const e = evaluateSeries(ind, year, asOf, cutoffs, { at: cutoffs.map(valueAt) });
    return {
      ...base,
      value: valueAt(asOf),
      percent: e.percent,
      status: e.status,
      expected: e.expected,
      explanation: e.explanation,
      groups: [],
      groupsDone: null,
      groupsTotal: null,
      byUnit: [],
      byTown: [],
    };
  }

  const measures: BaseMeasurement[] = baseMeasurements(ind.measurement);
  const rows = await aggregateFigures(deps.db, measures, `${year}-01-01`, cutoffs);
  const total = rows.find((r) => r.level === 'total');
  const unitRows = rows.filter((r) => r.level === 'unit');
  const townRows = rows.filter((r) => r.level === 'town' && r.townCode !== null);
  const totalSeries = seriesOf(ind.measurement, ind.unit, total, cutoffs);

  const names = await unitNames(
    deps.db,
    unitRows.map((r) => r.unitId!),
  );
  const townNames = await regionNames(
    deps.db,
    townRows.map((r) => r.townCode!),
  );
  const byUnit = unitRows
    .map((r) => ({
      unitId: r.unitId!,
      unitName: names.get(r.unitId!) ?? String(r.unitId),
      value: seriesOf(ind.measurement, ind.unit, r, cutoffs).at[0] ?? null,
    }))
    .filter((u) => u.value !== 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const byTown = townRows
    .map((r) => ({
      townCode: r.townCode!,
      townName: townNames.get(r.townCode!) ?? r.townCode!,
      value: seriesOf(ind.measurement, ind.unit, r, cutoffs).at[0] ?? null,
    }))
    .filter((t) => t.value !== 0)
    .sort((a, b) => a.townCode.localeCompare(b.townCode));

  if (ind.scope === 'district') {
    const e = evaluateSeries(ind, year, asOf, cutoffs, totalSeries);
    return {
      ...base,
      value: totalSeries.at[0] ?? null,
      percent: e.percent,
      status: e.status,
      expected: e.expected,
      explanation: e.explanation,
      groups: [],
      groupsDone: null,
      groupsTotal: null,
      byUnit,
      byTown,
    };
  }

  // R1: "each town's leaders visit ≥1 time" — one indicator, one verdict per town (or per member unit).
  const groupList =
    ind.scope === 'town'
      ? lookups.towns.map((t) => ({
          key: t.code,
          name: t.name,
          row: townRows.find((r) => r.townCode === t.code),
        }))
      : lookups.members.map((u) => ({
          key: String(u.id),
          name: u.name,
          row: unitRows.find((r) => r.unitId === u.id),
        }));
  const groups = groupList.map((g) => {
    const s = seriesOf(ind.measurement, ind.unit, g.row, cutoffs);
    const e = evaluateSeries(ind, year, asOf, cutoffs, s);
    return { key: g.key, name: g.name, value: s.at[0] ?? null, evaluation: e };
  });
  const combined = combineGroups(
    groups,
    ind.scope === 'town' ? { zh: '镇(街)', en: 'towns' } : { zh: '成员单位', en: 'units' },
  );
  return {
    ...base,
    value: totalSeries.at[0] ?? null,
    percent: combined.percent,
    status: combined.status,
    expected: null,
    explanation: combined.explanation,
    groups: groups.map((g) => ({
      key: g.key,
      name: g.name,
      value: g.value,
      percent: g.evaluation.percent,
      status: g.evaluation.status,
      explanation: g.evaluation.explanation,
    })),
    groupsDone: combined.done,
    groupsTotal: combined.total,
    byUnit,
    byTown,
  };
}

/**
 * Every indicator of a plan at a date, computed from the records by SQL aggregation (issue 4 §5).
 * The figures are summaries every signed-in role may read; the records behind them stay scoped.
 */
export async function planProgress(
  deps: Deps,
  actor: Actor,
  query: { plan: number; asOf?: string | undefined },
): Promise<ProgressResponse> {
  if (!canReadPlans(actor)) throw new AppError('forbidden');
  const plan = await findPlan(deps.db, query.plan);
  if (!plan) throw new AppError('not_found');
  const asOf = resolveAsOf(deps, plan.year, query.asOf);
  const rows = await listIndicatorRows(deps.db, plan.id);
  const lookups = { towns: await listDistrictTowns(deps.db), members: await listMemberUnits(deps.db) };
  const items: IndicatorProgress[] = [];
  for (const row of rows) {
    items.push(await progressOf(deps, presentIndicator(row, plan.year, null), plan.year, asOf, lookups));
  }
  const summary: Record<ProgressStatus, number> = { done: 0, on_track: 0, at_risk: 0, overdue: 0 };
  for (const item of items) summary[item.status]++;
  return { planId: plan.id, year: plan.year, asOf, items, summary };
}

/** The records behind an indicator's figure (or its manual figures with evidence), in the actor's scope. */
export async function indicatorRecords(
  deps: Deps,
  actor: Actor,
  indicatorId: number,
  query: {
    asOf?: string | undefined;
    unitId?: number | undefined;
    townCode?: string | undefined;
    after?: number | undefined;
    limit: number;
  },
) {
  if (!canReadPlans(actor)) throw new AppError('forbidden');
  const found = await findIndicator(deps.db, indicatorId);
  if (!found) throw new AppError('not_found');
  const ind = presentIndicator(found.indicator, found.year, found.clauseRef);
  const asOf = resolveAsOf(deps, found.year, query.asOf);
  const measures = baseMeasurements(ind.measurement);
  if (measures.length === 0) {
    const manual = await listManualValues(deps.db, ind.id, asOf);
    return {
      indicatorId,
      asOf,
      measurementKind: 'manual',
      items: [],
      nextAfter: null,
      manualValues: manual.map(presentManualValue),
    };
  }
  const rows = await recordsBehind(deps.db, activityScope(actor), measures, {
    from: `${found.year}-01-01`,
    to: asOf,
    unitId: query.unitId,
    townCode: query.townCode,
    after: query.after,
    limit: query.limit,
  });
  return {
    indicatorId,
    asOf,
    measurementKind: ind.measurement.kind,
    items: rows.map((r) => presentActivity(r, deps.pii)),
    nextAfter: rows.length === query.limit ? rows.at(-1)!.id : null,
    manualValues: [],
  };
}
