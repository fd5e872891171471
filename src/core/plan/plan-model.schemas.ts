/**
 * The year's plan as data (confirmed, saved): sections, clauses with their source text, and indicators
 * with how each is measured from the records. Years are data: a new year's plan is created from its
 * text, never coded (README "every year has its own plan").
 */
import { z } from 'zod';
import { MeasurementSchema } from '../progress/measurement';
import { ComparisonSchema, DeadlineSchema, ExtractedPlanSchema, IndicatorUnitSchema } from './plan.schemas';

/**
 * Whom one indicator gives a verdict for: the district as a whole, or each town/street (R1: "each
 * town's leaders visit ≥1 time" — one indicator, one verdict per town), or each member unit (R13).
 */
export const IndicatorScopeSchema = z.enum(['district', 'town', 'unit']);
export type IndicatorScope = z.infer<typeof IndicatorScopeSchema>;

const MONEY_UNITS = new Set(['元', '万元', '亿元']);

const indicatorFields = {
  name: z.string().trim().min(1).max(200),
  measurement: MeasurementSchema,
  comparison: ComparisonSchema,
  /** Target in the stated unit (1500 with 万元); lower bound of a range. */
  value: z.number().min(0),
  /** Upper bound of a range, else null. */
  valueMax: z.number().min(0).nullish(),
  unit: IndicatorUnitSchema,
  deadline: DeadlineSchema.nullish(),
  scope: IndicatorScopeSchema.default('district'),
  leadUnitId: z.number().int().positive().nullish(),
  coUnitIds: z.array(z.number().int().positive()).max(100).default([]),
  /** The sentence the target was read from (kept for citation). */
  sourceText: z.string().max(2000).nullish(),
};

type IndicatorLike = {
  comparison: string;
  value: number;
  valueMax?: number | null | undefined;
  unit: string;
  scope?: string | undefined;
  measurement: z.infer<typeof MeasurementSchema>;
};

/** Rules across fields, with the path of the field to correct. */
function refineIndicator(i: IndicatorLike, ctx: z.RefinementCtx) {
  const isRange = i.comparison === 'range';
  if (isRange !== (i.valueMax != null)) {
    ctx.addIssue({ code: 'custom', path: ['valueMax'], message: '区间目标需要上限，其他目标不能有上限' });
  } else if (isRange && i.valueMax! < i.value) {
    ctx.addIssue({ code: 'custom', path: ['valueMax'], message: '上限不能小于下限' });
  }
  const m = i.measurement;
  if ((m.kind === 'ratio') !== (i.unit === '%') && m.kind !== 'manual') {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: '比例指标的单位是 %，只有比例指标用 %' });
  }
  if (m.kind === 'sum' && m.field === 'amountYuan' && !MONEY_UNITS.has(i.unit)) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: '金额合计的单位应为 元/万元/亿元' });
  }
  if (m.kind === 'manual' && i.scope && i.scope !== 'district') {
    ctx.addIssue({ code: 'custom', path: ['scope'], message: '手工填报的指标只能按全区评价' });
  }
}

export const IndicatorInputSchema = z.object(indicatorFields).superRefine(refineIndicator);
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

/** Partial update: the merged indicator is checked again by the service. */
export const IndicatorUpdateSchema = z.object(indicatorFields).partial().extend({
  clauseId: z.number().int().positive().nullish(),
});
export type IndicatorUpdate = z.infer<typeof IndicatorUpdateSchema>;

export const IndicatorCreateSchema = z
  .object({ ...indicatorFields, clauseId: z.number().int().positive().nullish() })
  .superRefine(refineIndicator);
export type IndicatorCreate = z.infer<typeof IndicatorCreateSchema>;

export const IndicatorSchema = z.object({
  id: z.number(),
  planId: z.number(),
  clauseId: z.number().nullable(),
  clauseRef: z.string().nullable(),
  name: z.string(),
  measurement: MeasurementSchema,
  comparison: ComparisonSchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: IndicatorUnitSchema,
  deadline: DeadlineSchema.nullable(),
  /** The final due date in the plan year (ISO), from the deadline; 31 December when none. */
  dueDate: z.string(),
  scope: IndicatorScopeSchema,
  leadUnitId: z.number().nullable(),
  coUnitIds: z.array(z.number()),
  sourceText: z.string().nullable(),
  sort: z.number(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const ClauseInputSchema = z.object({
  ref: z.string().trim().min(1).max(32),
  number: z.string().max(16).nullish(),
  title: z.string().max(500).nullish(),
  text: z.string().trim().min(1).max(20_000),
  indicators: z.array(IndicatorInputSchema).max(100).default([]),
});

const SectionInputSchema = z.object({
  ref: z.string().max(32).nullish(),
  number: z.string().max(16).nullish(),
  level: z.number().int().min(0).max(2),
  title: z.string().max(500),
  clauses: z.array(ClauseInputSchema).max(200).default([]),
});

/** A confirmed plan: the draft after a person has checked it and chosen each indicator's measurement. */
export const PlanCreateSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(300),
  sourceText: z.string().max(200_000).nullish(),
  sections: z.array(SectionInputSchema).max(100),
});
export type PlanCreate = z.infer<typeof PlanCreateSchema>;

export const PlanUpdateSchema = z.object({ title: z.string().trim().min(1).max(300) });

export const PlanSummarySchema = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  indicatorCount: z.number(),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const PlanClauseSchema = z.object({
  id: z.number(),
  ref: z.string(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  indicators: z.array(IndicatorSchema),
});

export const PlanSchema = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  sourceText: z.string().nullable(),
  sections: z.array(
    z.object({
      id: z.number(),
      ref: z.string().nullable(),
      number: z.string().nullable(),
      level: z.number(),
      title: z.string(),
      clauses: z.array(PlanClauseSchema),
    }),
  ),
  /** Indicators not tied to a clause (added by the office later). */
  otherIndicators: z.array(IndicatorSchema),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const ExtractRequestSchema = z.object({
  text: z.string().min(1).max(200_000),
  year: z.number().int().min(2000).max(2100).nullish(),
});

/** A measurement and scope proposed for an extracted indicator, for the person confirming the draft. */
export const SuggestionSchema = z.object({
  measurement: MeasurementSchema,
  scope: IndicatorScopeSchema,
  /** Why: the keyword that chose the record type, or why it falls back to a manual figure. */
  reason: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const ExtractResponseSchema = z.object({
  draft: ExtractedPlanSchema,
  /** One per extracted indicator, in document order (same order as `listIndicators`). */
  suggestions: z.array(z.object({ clauseRef: z.string(), name: z.string(), suggestion: SuggestionSchema })),
});

/** Manual figures with evidence (for `manual` indicators). */
export const ManualValueInputSchema = z.object({
  asOf: z.iso.date(),
  value: z.number().min(0),
  evidence: z.string().trim().min(1).max(2000),
  attachments: z
    .array(z.object({ name: z.string().min(1).max(200), ref: z.string().min(1).max(500) }))
    .max(20)
    .default([]),
});
export type ManualValueInput = z.infer<typeof ManualValueInputSchema>;

export const ManualValueSchema = z.object({
  id: z.number(),
  indicatorId: z.number(),
  asOf: z.string(),
  value: z.number(),
  evidence: z.string(),
  attachments: z.array(z.object({ name: z.string(), ref: z.string() })),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
});
export type ManualValue = z.infer<typeof ManualValueSchema>;
