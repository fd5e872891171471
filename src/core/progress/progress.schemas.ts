/** Shapes of the progress API (issue 4 §5): each indicator's figure at a date, its verdict, and its breakdowns. */
import { z } from 'zod';
import { ActivitySchema } from '../activities/activities.schemas';
import { ManualValueSchema } from '../plan/plan-model.schemas';
import { ComparisonSchema } from '../plan/plan.schemas';
import { ProgressStatusSchema } from './evaluate';

const TextSchema = z.object({ zh: z.string(), en: z.string() });

export const ProgressQuerySchema = z.object({
  plan: z.coerce.number().int().positive(),
  /** Evaluation date; default today, capped at the plan year's end. */
  asOf: z.iso.date().optional(),
});

export const GroupProgressSchema = z.object({
  /** Town code, or unit id as a string. */
  key: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  percent: z.number().nullable(),
  status: ProgressStatusSchema,
  explanation: TextSchema,
});

export const IndicatorProgressSchema = z.object({
  indicatorId: z.number(),
  name: z.string(),
  clauseRef: z.string().nullable(),
  measurementKind: z.string(),
  comparison: ComparisonSchema,
  target: z.number(),
  targetMax: z.number().nullable(),
  unit: z.string(),
  scope: z.enum(['district', 'town', 'unit']),
  dueDate: z.string(),
  deadlineLabel: z.string().nullable(),
  /** District total at `asOf`, in the indicator's unit (money in 万元 when the target is). */
  value: z.number().nullable(),
  /** % of the target; for per-town / per-unit indicators, % of groups done. */
  percent: z.number().nullable(),
  status: ProgressStatusSchema,
  expected: z.number().nullable(),
  explanation: TextSchema,
  /** Per-town / per-unit indicators: one verdict per group. */
  groups: z.array(GroupProgressSchema),
  groupsDone: z.number().nullable(),
  groupsTotal: z.number().nullable(),
  byUnit: z.array(z.object({ unitId: z.number(), unitName: z.string(), value: z.number().nullable() })),
  byTown: z.array(z.object({ townCode: z.string(), townName: z.string(), value: z.number().nullable() })),
});
export type IndicatorProgress = z.infer<typeof IndicatorProgressSchema>;

export const ProgressResponseSchema = z.object({
  planId: z.number(),
  year: z.number(),
  asOf: z.string(),
  items: z.array(IndicatorProgressSchema),
  summary: z.record(ProgressStatusSchema, z.number()),
});
export type ProgressResponse = z.infer<typeof ProgressResponseSchema>;

export const ProgressRecordsQuerySchema = z.object({
  asOf: z.iso.date().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  townCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  after: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ProgressRecordsResponseSchema = z.object({
  indicatorId: z.number(),
  asOf: z.string(),
  measurementKind: z.string(),
  /** The records behind the figure that the caller may see (units: their own). */
  items: z.array(ActivitySchema),
  nextAfter: z.number().nullable(),
  /** For manual indicators: the figures entered with their evidence, up to `asOf`. */
  manualValues: z.array(ManualValueSchema),
});

/** R13 本月填报: a period (usually one month) for which each unit's record count is asked. */
export const UnitReportingQuerySchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type UnitReportingQuery = z.infer<typeof UnitReportingQuerySchema>;

export const UnitReportingResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Units with at least one record dated in the period; counts only (a public summary). */
  items: z.array(
    z.object({ unitId: z.number(), unitName: z.string(), records: z.number(), types: z.array(z.string()) }),
  ),
});
export type UnitReportingResponse = z.infer<typeof UnitReportingResponseSchema>;
