import type { ExtractedPlan } from '../../../core/plan/plan.schemas';
import {
  PlanCreateSchema,
  type IndicatorScope,
  type PlanCreate,
} from '../../../core/plan/plan-model.schemas';
import type { Measurement } from '../../../core/progress/measurement';
import type { ExtractResponse } from '../../api/plans';
import type { IssueLike } from '../../ui/formErrors';

type ExtractedIndicator = ExtractedPlan['sections'][number]['clauses'][number]['indicators'][number];

/** One extracted target as the person confirming the draft edits it. */
export interface DraftRow {
  key: string;
  /** Where it sits: section and clause index of the draft. */
  si: number;
  ci: number;
  clauseRef: string;
  name: string;
  comparison: ExtractedIndicator['comparison'];
  value: number | null;
  valueMax: number | null;
  unit: ExtractedIndicator['unit'];
  deadline: ExtractedIndicator['deadline'];
  scope: IndicatorScope;
  measurement: Measurement;
  sourceText: string;
  quantityText: string;
  /** Why this measurement was proposed. */
  reason: string;
}

export interface Draft {
  title: string;
  year: number | null;
  sections: ExtractedPlan['sections'];
  rows: DraftRow[];
}

/** The extractor's answer as an editable draft: one row per target, with the proposed measurement and scope. */
export function draftFromExtract(response: ExtractResponse, fallbackYear: number | null): Draft {
  const rows: DraftRow[] = [];
  let n = 0;
  response.draft.sections.forEach((section, si) =>
    section.clauses.forEach((clause, ci) =>
      clause.indicators.forEach((indicator, ii) => {
        const suggestion = response.suggestions[n++]?.suggestion;
        rows.push({
          key: `${si}.${ci}.${ii}`,
          si,
          ci,
          clauseRef: clause.ref,
          name: indicator.name,
          comparison: indicator.comparison,
          value: indicator.value,
          valueMax: indicator.valueMax,
          unit: indicator.unit,
          deadline: indicator.deadline,
          scope: suggestion?.scope ?? 'district',
          measurement: suggestion?.measurement ?? { kind: 'manual' },
          sourceText: indicator.sourceText,
          quantityText: indicator.quantityText,
          reason: suggestion?.reason ?? '',
        });
      }),
    ),
  );
  return {
    title: response.draft.title ?? '',
    year: response.draft.year ?? fallbackYear,
    sections: response.draft.sections,
    rows,
  };
}

/**
 * The plan to save from the edited draft, and which row each saved indicator came from
 * (`"si.ci.k"` → row key) so problems on `sections.si.clauses.ci.indicators.k` find their row.
 */
export function planFromDraft(
  draft: Draft,
  sourceText: string,
): { body: unknown; rowAt: Map<string, string> } {
  const rowAt = new Map<string, string>();
  const body = {
    year: draft.year ?? undefined,
    title: draft.title.trim(),
    sourceText,
    sections: draft.sections.map((section, si) => ({
      ref: section.ref,
      number: section.number,
      level: section.level,
      title: section.title,
      clauses: section.clauses.map((clause, ci) => {
        const rows = draft.rows.filter((r) => r.si === si && r.ci === ci);
        rows.forEach((r, k) => rowAt.set(`${si}.${ci}.${k}`, r.key));
        return {
          ref: clause.ref,
          number: clause.number,
          title: clause.title,
          text: clause.text,
          indicators: rows.map((r) => ({
            name: r.name.trim(),
            measurement: r.measurement,
            comparison: r.comparison,
            value: r.value ?? undefined,
            valueMax: r.comparison === 'range' ? (r.valueMax ?? undefined) : null,
            unit: r.unit,
            deadline: r.deadline,
            scope: r.scope,
            coUnitIds: [],
            sourceText: r.sourceText,
          })),
        };
      }),
    })),
  };
  return { body, rowAt };
}

export interface DraftProblem {
  /** The row the problem is on, or null for the plan itself (title, year…). */
  rowKey: string | null;
  /** The row's field (`value`, `unit`, `measurement`…) or the plan's. */
  field: string;
  message: string;
}

/** Places problems with paths into the plan body on the rows and fields they concern. */
export function locateProblems(
  problems: readonly { name: (string | number)[]; message: string }[],
  rowAt: Map<string, string>,
): DraftProblem[] {
  return problems.map(({ name, message }) => {
    if (name[0] === 'sections' && name[2] === 'clauses' && name[4] === 'indicators' && name.length >= 6) {
      const rowKey = rowAt.get(`${name[1]}.${name[3]}.${name[5]}`) ?? null;
      return { rowKey, field: String(name[6] ?? 'name'), message };
    }
    return { rowKey: null, field: name.map(String).join('.') || 'plan', message };
  });
}

export type DraftCheck = { ok: true; plan: PlanCreate } | { ok: false; issues: IssueLike[] };

/** The core schema's verdict on the plan to save (the same schema the server applies). */
export function checkPlan(body: unknown): DraftCheck {
  const parsed = PlanCreateSchema.safeParse(body);
  return parsed.success
    ? { ok: true, plan: parsed.data }
    : { ok: false, issues: parsed.error.issues as unknown as IssueLike[] };
}
