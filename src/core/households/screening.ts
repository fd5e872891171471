import { z } from 'zod';
import type { LocalizedText } from '../identity/result';
import { fen, formatYuan, round2 } from '../monitoring/format';
import { IsoDateSchema } from './households.schemas';

/** The five areas of R9: industry, employment, medical care, schooling, product sales. */
export const SCREENING_AREAS = ['industry', 'employment', 'medical', 'schooling', 'productSales'] as const;
export type ScreeningArea = (typeof SCREENING_AREAS)[number];
export const SCREENING_AREA_LABELS: Readonly<Record<ScreeningArea, string>> = {
  industry: '产业发展',
  employment: '务工就业',
  medical: '看病就医',
  schooling: '子女上学',
  productSales: '农产品销售',
};
export const DIFFICULTY_LEVELS = ['none', 'some', 'severe'] as const;
export const DIFFICULTY_LEVEL_LABELS = { none: '无困难', some: '有一定困难', severe: '困难严重' } as const;

const Area = z.object({
  level: z.enum(DIFFICULTY_LEVELS),
  note: z.string().trim().max(300).nullable().optional(),
});
export const ScreeningInputSchema = z.object({
  screenedOn: IsoDateSchema,
  difficulties: z.object({
    industry: Area,
    employment: Area,
    medical: Area,
    schooling: Area,
    productSales: Area,
  }),
  /** Estimated income lost to the epidemic this year (yuan, household). */
  incomeLoss: z.number().min(0).max(10_000_000).default(0),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type ScreeningInput = z.infer<typeof ScreeningInputSchema>;

export const CampaignCreateSchema = z.object({
  name: z.string().trim().min(2).max(100),
  year: z.number().int().min(2000).max(2100),
  regionCode: z.string().regex(/^\d{12}$/),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
});
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;

/**
 * R9: whether a household is at risk of falling (back) into difficulty because of the epidemic, with
 * the reasons in words: a severe difficulty in any area, difficulties in two or more areas, or an income
 * loss that takes per-capita income below the monitoring line (when the year's income is recorded).
 */
export function assessEpidemicRisk(
  input: Pick<ScreeningInput, 'difficulties' | 'incomeLoss'>,
  context: { size: number; perCapitaNetIncome: number | null; monitoringLine: number | null },
): { atRisk: boolean; reasons: LocalizedText[] } {
  const reasons: LocalizedText[] = [];
  const severe = SCREENING_AREAS.filter((a) => input.difficulties[a].level === 'severe');
  const some = SCREENING_AREAS.filter((a) => input.difficulties[a].level !== 'none');
  if (severe.length > 0)
    reasons.push({
      zh: `${severe.map((a) => SCREENING_AREA_LABELS[a]).join('、')}困难严重`,
      en: `Severe difficulty: ${severe.join(', ')}`,
    });
  if (some.length >= 2)
    reasons.push({
      zh: `${some.length} 个方面受疫情影响（${some.map((a) => SCREENING_AREA_LABELS[a]).join('、')}）`,
      en: `${some.length} areas affected`,
    });
  if (
    input.incomeLoss > 0 &&
    context.perCapitaNetIncome !== null &&
    context.monitoringLine !== null &&
    context.size > 0
  ) {
    const after = round2(context.perCapitaNetIncome - input.incomeLoss / context.size);
    if (fen(after) < fen(context.monitoringLine))
      reasons.push({
        zh: `扣除疫情减收 ${formatYuan(input.incomeLoss)} 元后人均纯收入 ${formatYuan(after)} 元 < 监测线 ${formatYuan(context.monitoringLine)} 元`,
        en: `Per-capita income after the loss ${formatYuan(after)} yuan < monitoring line ${formatYuan(context.monitoringLine)} yuan`,
      });
  }
  return { atRisk: reasons.length > 0, reasons };
}
