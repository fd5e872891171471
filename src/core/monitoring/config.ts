import { z } from 'zod';

/**
 * Per-year thresholds of the monitoring rules (R10): the plan changes every year, so they are data passed
 * in, never constants in code.
 */
export const YearConfigSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** 贫困线 / 脱贫标准, yuan per person per year (2020 ≈ 4,000). */
  povertyLine: z.number().positive(),
  /** Monitoring line = povertyLine × this multiple (≈ 1.5). */
  monitoringMultiple: z.number().min(1),
  /** 突发严重困难: rigid expenditure above a share of household net income or an absolute amount. */
  rigidExpenditure: z
    .object({
      shareOfHouseholdNetIncome: z.number().gt(0).nullable(),
      absoluteAmount: z.number().positive().nullable(),
      /** Also require per-capita income after the expenditure to fall below the monitoring line. */
      requireAfterExpenditureBelowLine: z.boolean(),
    })
    .refine((r) => r.shareOfHouseholdNetIncome !== null || r.absoluteAmount !== null, {
      message: '刚性支出规则至少需要设置比例或金额之一',
    }),
  /** 收入大幅缩减: per-capita income dropped by more than this share vs the previous year. */
  incomeDrop: z.object({
    dropShare: z.number().gt(0).lt(1),
    requireBelowMonitoringLine: z.boolean(),
  }),
  /** Safe drinking-water thresholds. */
  water: z.object({
    litresPerPersonDay: z.number().positive(),
    litresPerPersonDayWaterShort: z.number().positive(),
    maxFetchMinutes: z.number().positive(),
    maxSupplyCutDaysPerYear: z.number().min(0),
  }),
  /** Ages (inclusive, at the assessment date) that must be in school. */
  compulsoryEducationAge: z
    .object({ min: z.number().int().min(0), max: z.number().int().min(0) })
    .refine((a) => a.min <= a.max, { message: '义务教育年龄下限不能大于上限' }),
  /** Risk elimination: months of income above the range before exit. */
  exit: z.object({ minMonthsAboveRange: z.number().int().min(1) }),
});

/** A year's monitoring thresholds. */
export type YearConfig = z.infer<typeof YearConfigSchema>;

/** The demo year's thresholds (2020 plan, national practice); seed data for demos and tests, not a default. */
export const DEMO_YEAR_CONFIG_2020: YearConfig = {
  year: 2020,
  povertyLine: 4000,
  monitoringMultiple: 1.5,
  rigidExpenditure: {
    shareOfHouseholdNetIncome: 0.5,
    absoluteAmount: 20000,
    requireAfterExpenditureBelowLine: true,
  },
  incomeDrop: { dropShare: 0.3, requireBelowMonitoringLine: true },
  water: {
    litresPerPersonDay: 35,
    litresPerPersonDayWaterShort: 20,
    maxFetchMinutes: 20,
    maxSupplyCutDaysPerYear: 36,
  },
  compulsoryEducationAge: { min: 6, max: 15 },
  exit: { minMonthsAboveRange: 6 },
};
