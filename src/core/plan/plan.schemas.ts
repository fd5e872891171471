/**
 * Schemas of a DRAFT plan extracted from pasted plan text (工作要点).
 *
 * The extraction is a proposal: a person confirms or corrects every section, clause and indicator
 * in the UI before it becomes the year's targets (R15: the targets feed the monthly bulletin and the
 * annual assessment). The numbers are data of one year's plan, never constants (README: "every year
 * has its own plan").
 */
import { z } from 'zod';

/**
 * How the achieved figure is compared with the target.
 * - `gte`: 不少于 / 不低于 / 至少 / N以上 / 超过 / 达到 (超过 is read as "at least": plans use it loosely)
 * - `lte`: 不超过 / 以内 / 以下 / 控制在
 * - `eq`: a bare number ("组织2次集中采购", "使用率100%")
 * - `range`: N-M / N–M / N至M (`value` = lower bound, `valueMax` = upper bound)
 */
export const ComparisonSchema = z.enum(['gte', 'lte', 'eq', 'range']);
export type Comparison = z.infer<typeof ComparisonSchema>;

/**
 * Units, normalised: 名/位 → 人, 场次 → 场, 批次 → 批. Money keeps the stated unit (元/万元/亿元)
 * and additionally gets `valueYuan`.
 */
export const IndicatorUnitSchema = z.enum([
  '次',
  '人次',
  '场',
  '期',
  '批',
  '人',
  '户',
  '个',
  '家',
  '所',
  '项',
  '处',
  '座',
  '条',
  '篇',
  '套',
  '台',
  '辆',
  '元',
  '万元',
  '亿元',
  '%',
  '亩',
  '吨',
  '公里',
]);
export type IndicatorUnit = z.infer<typeof IndicatorUnitSchema>;

/**
 * Whom the target is evaluated for. `null` = the district as a whole (one figure).
 * - `town`: each town/street (镇(街)… 不少于1次, R1) — one figure per town
 * - `unit`: each member unit of the leading group (各成员单位…, R2/R13)
 * - `village`: each village/community (各村…)
 * - `household`: 户均 / 每户
 * - `person`: 人均 / 每人
 */
export const IndicatorPerSchema = z.enum(['town', 'unit', 'village', 'household', 'person']);
export type IndicatorPer = z.infer<typeof IndicatorPerSchema>;

/** The text that stated the deadline, as written (e.g. "3月底前"). */
const DeadlineLabelSchema = z.string().min(1);

/**
 * A calendar deadline: "3月底前" → `{ month: 3, day: null }` (null day = end of that month, i.e.
 * 31 March), "6月30日前" → `{ month: 6, day: 30 }`. `year` is set only when the text names it
 * ("2020年3月底前"); otherwise it is the plan's year (see `resolveDeadline`).
 */
export const DateDeadlineSchema = z.object({
  kind: z.literal('date'),
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31).nullable(),
  label: DeadlineLabelSchema,
});

/** "一季度末前", "第二季度" → end of that quarter. */
export const QuarterDeadlineSchema = z.object({
  kind: z.literal('quarter'),
  quarter: z.number().int().min(1).max(4),
  label: DeadlineLabelSchema,
});

/** "上半年" (half 1 → 30 June) / "下半年" (half 2 → 31 December). */
export const HalfYearDeadlineSchema = z.object({
  kind: z.literal('half-year'),
  half: z.union([z.literal(1), z.literal(2)]),
  label: DeadlineLabelSchema,
});

/** "年底前", "年内", "年末" → 31 December of the plan year. */
export const YearEndDeadlineSchema = z.object({
  kind: z.literal('year-end'),
  label: DeadlineLabelSchema,
});

/**
 * For periodic targets: is `value` the year's total spread over the periods, or due in every period?
 * "分上、下半年2次" → `year-total` (2 in the year: one per half, R7);
 * "上、下半年各1次", "每季度1次", "每月1次" → `each-period`.
 */
export const PeriodScopeSchema = z.enum(['year-total', 'each-period']);
export type PeriodScope = z.infer<typeof PeriodScopeSchema>;

/** Twice a year, first half and second half; `count` = number of periods in the year (2). */
export const EachHalfYearDeadlineSchema = z.object({
  kind: z.literal('each-half-year'),
  count: z.literal(2),
  scope: PeriodScopeSchema,
  label: DeadlineLabelSchema,
});

/** Every quarter ("每季度"); `count` = 4 periods. */
export const EachQuarterDeadlineSchema = z.object({
  kind: z.literal('each-quarter'),
  count: z.literal(4),
  scope: PeriodScopeSchema,
  label: DeadlineLabelSchema,
});

/** Every month ("每月"); `count` = 12 periods. */
export const EachMonthDeadlineSchema = z.object({
  kind: z.literal('each-month'),
  count: z.literal(12),
  scope: PeriodScopeSchema,
  label: DeadlineLabelSchema,
});

/**
 * When the target is due. Relative to the plan year, so the same plan wording works in any year;
 * `resolveDeadline(deadline, year)` gives the ISO date, `deadlineDueDates` one date per period.
 */
export const DeadlineSchema = z.discriminatedUnion('kind', [
  DateDeadlineSchema,
  QuarterDeadlineSchema,
  HalfYearDeadlineSchema,
  YearEndDeadlineSchema,
  EachHalfYearDeadlineSchema,
  EachQuarterDeadlineSchema,
  EachMonthDeadlineSchema,
]);
export type Deadline = z.infer<typeof DeadlineSchema>;
export type DeadlineKind = Deadline['kind'];

/**
 * One quantitative target found in a clause.
 *
 * "各N名" spread over several groups ("选派教育、卫生人才各2名") yields ONE INDICATOR PER GROUP
 * (name "选派教育人才", "选派卫生人才", `group` "教育"/"卫生"), because each group is tracked and
 * confirmed separately.
 */
export const ExtractedIndicatorSchema = z
  .object({
    /** Short readable Chinese name derived from the sentence, e.g. "帮扶资金", "特色产业基地数". */
    name: z.string().min(1),
    comparison: ComparisonSchema,
    /** In the stated unit: 1500万元 → 1500 with unit 万元. Lower bound for ranges. */
    value: z.number(),
    /** Upper bound, only for `range` (1-2个 → 2). */
    valueMax: z.number().nullable(),
    unit: IndicatorUnitSchema,
    /** `value` in yuan when the unit is 元/万元/亿元 (1500万元 → 15 000 000), else null. */
    valueYuan: z.number().nullable(),
    /** `valueMax` in yuan (money ranges only), else null. */
    valueMaxYuan: z.number().nullable(),
    deadline: DeadlineSchema.nullable(),
    per: IndicatorPerSchema.nullable(),
    /** The group of a "各N" target ("教育"), else null. */
    group: z.string().nullable(),
    /** The sentence (up to 。/;) the target was read from, as written in the source. */
    sourceText: z.string().min(1),
    /** The quantity phrase as written, e.g. "不少于 2 次", "1-2 个", "20 名以上". */
    quantityText: z.string().min(1),
  })
  .superRefine((indicator, ctx) => {
    if ((indicator.comparison === 'range') !== (indicator.valueMax !== null)) {
      ctx.addIssue({
        code: 'custom',
        message: 'valueMax is set exactly for range comparisons',
        path: ['valueMax'],
      });
    }
  });
export type ExtractedIndicator = z.infer<typeof ExtractedIndicatorSchema>;

/** A numbered item ("1. …") or, in a section without numbered items, a paragraph. */
export const ExtractedClauseSchema = z.object({
  /** The item number as written ("1", "2"), or null for an unnumbered paragraph. */
  number: z.string().nullable(),
  /** Citation: section ref + number ("三(一)2"), or section ref + "¶n" for paragraphs ("二¶1"). */
  ref: z.string().min(1),
  /** The item's short lead sentence ("落实帮扶资金,加强项目跟踪"), when it has one. */
  title: z.string().nullable(),
  /** The clause text as written in the source (without the item number). */
  text: z.string().min(1),
  indicators: z.array(ExtractedIndicatorSchema),
});
export type ExtractedClause = z.infer<typeof ExtractedClauseSchema>;

/**
 * A heading of the plan, in document order (flat list; `level` and `ref` give the tree).
 * Level 0 = the text before the first heading (title and preamble), 1 = "一、", 2 = "(一)".
 */
export const ExtractedSectionSchema = z.object({
  /** The heading's own number as written, normalised: "三", "(一)"; null for the preamble. */
  number: z.string().nullable(),
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  /** Citation as the README uses it: "三", "三(一)"; null for the preamble. */
  ref: z.string().nullable(),
  title: z.string(),
  clauses: z.array(ExtractedClauseSchema),
});
export type ExtractedSection = z.infer<typeof ExtractedSectionSchema>;

/** The whole draft. `year` is read from the title ("XX区2020年…工作要点") and resolves deadlines. */
export const ExtractedPlanSchema = z.object({
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  sections: z.array(ExtractedSectionSchema),
});
export type ExtractedPlan = z.infer<typeof ExtractedPlanSchema>;
