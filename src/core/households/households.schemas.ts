import { z } from 'zod';
import { isIsoDate } from '../identity/dates';
import {
  DISCOVERY_CHANNELS,
  FoodClothingFactsSchema,
  HEALTH_STATUSES,
  HOUSING_GRADES,
  HouseholdEconomicsSchema,
  LABOUR_CAPACITIES,
  MONITORING_TYPES,
  RELATIONS,
  RISK_ELIMINATION_METHODS,
  SCHOOLING_STATUSES,
  WaterFactsSchema,
} from '../monitoring';

/** Household attributes 户属性 (DATA-DICTIONARY; defaults of an extendable code list). */
export const HOUSEHOLD_ATTRIBUTES = [
  '一般农户',
  '脱贫户',
  '一般贫困户',
  '低保户',
  '低保贫困户',
  '特困供养户',
] as const;
/** Attributes that mean the household was poor before (→ 脱贫不稳定户 when it is at risk). */
export const FORMERLY_POOR_ATTRIBUTES: readonly string[] = ['脱贫户', '一般贫困户', '低保贫困户'];

/** 脱贫标志. */
export const POVERTY_EXIT_FLAGS = ['未脱贫', '已脱贫(享受政策)', '返贫', '已脱贫(不再享受政策)'] as const;

export const MONITORING_STATUSES = ['none', 'monitored', 'eliminated'] as const;
export const MonitoringStatusSchema = z.enum(MONITORING_STATUSES);
export const MONITORING_STATUS_LABELS = {
  none: { zh: '未纳入监测', en: 'not monitored' },
  monitored: { zh: '监测中', en: 'monitored' },
  eliminated: { zh: '风险已消除', en: 'risk eliminated' },
} as const;

export const DEEP_GROUPS = ['incapacitated', 'seriouslyIll', 'severelyDisabled', 'specialHardship'] as const;
export const DeepGroupSchema = z.enum(DEEP_GROUPS);

const codes = <T extends readonly { code: string }[]>(list: T) =>
  list.map((c) => c.code) as [T[number]['code'], ...T[number]['code'][]];
export const MonitoringTypeSchema = z.enum(codes(MONITORING_TYPES));
export const DiscoveryChannelSchema = z.enum(codes(DISCOVERY_CHANNELS));
export const EliminationMethodSchema = z.enum(codes(RISK_ELIMINATION_METHODS));

export const IsoDateSchema = z.string().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD' });
export const YearMonthSchema = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, { message: '年月应为 YYYYMM' });
const VillageCodeSchema = z.string().regex(/^\d{12}$/, { message: '区划代码应为 12 位数字' });
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Said when one group is set by hand twice (the schema's own message is the zh one, as elsewhere). */
export const MANUAL_GROUP_REPEATED = {
  zh: '同一群体只能手工认定一次',
  en: 'A group can be set by hand only once',
} as const;

/**
 * R12 groups set by hand: for a group the member data does not show but a document proves (e.g. a
 * 特困供养证), so the evidence is required; each group at most once.
 */
export const ManualDeepGroupsSchema = z
  .array(z.object({ group: DeepGroupSchema, evidence: text(500) }))
  .max(DEEP_GROUPS.length)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((g, i) => {
      if (seen.has(g.group))
        ctx.addIssue({ code: 'custom', path: [i, 'group'], message: MANUAL_GROUP_REPEATED.zh });
      seen.add(g.group);
    });
  });
export type ManualDeepGroup = z.infer<typeof ManualDeepGroupsSchema>[number];

/** A member as entered (form, API, import row). */
export const MemberInputSchema = z.object({
  name: text(50),
  /** 18 characters or legacy 15 digits; birth date and sex are derived from it. */
  idNumber: z.string().trim().min(1).max(40),
  /** Optional, cross-checked with the ID number. */
  sex: z.enum(['男', '女']).optional(),
  birthDate: IsoDateSchema.optional(),
  relation: z.enum(RELATIONS),
  ethnicity: optText(20),
  education: optText(20),
  schooling: z.enum(SCHOOLING_STATUSES).nullable().optional(),
  outOfSchoolForHealth: z.boolean().optional(),
  health: z.enum(HEALTH_STATUSES),
  /** 残疾人证号 (20 characters): category and grade are derived from it. */
  disabilityCertificate: z.string().trim().max(40).nullable().optional(),
  labour: z.enum(LABOUR_CAPACITIES),
  workStatus: optText(40),
  workMonths: z.number().int().min(0).max(12).nullable().optional(),
  workPlace: optText(40),
  medicalInsurance: z.boolean().nullable(),
  criticalIllnessInsurance: z.boolean().nullable(),
  pensionInsurance: z.boolean().nullable().optional(),
  familyDoctor: z.boolean().nullable().optional(),
  specialHardship: z.boolean().optional(),
  hasLegalSupporterAbleToSupport: z.boolean().nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  /** R12 groups set by hand, each with its evidence. */
  deepGroupsManual: ManualDeepGroupsSchema.optional(),
});
export type MemberInput = z.infer<typeof MemberInputSchema>;

const householdFields = {
  regionCode: VillageCodeSchema,
  householdNo: optText(40),
  villageGroup: optText(40),
  address: optText(200),
  phone: z.string().trim().max(20).nullable().optional(),
  bankName: optText(60),
  bankAccount: z.string().trim().max(40).nullable().optional(),
  attribute: z.enum(HOUSEHOLD_ATTRIBUTES),
  povertyExitFlag: z.enum(POVERTY_EXIT_FLAGS).nullable().optional(),
  riskCauses: z.array(z.string().max(8)).max(5).optional(),
  mainCause: optText(32),
  specialHardship: z.boolean().optional(),
  assistUnitId: z.number().int().positive().nullable().optional(),
  assistPerson: optText(40),
  collectedBy: optText(40),
  collectedOn: IsoDateSchema.nullable().optional(),
};

/** A new household with its members (exactly one head); existing monitoring state may be registered. */
export const HouseholdCreateSchema = z.object({
  ...householdFields,
  monitoringType: MonitoringTypeSchema.nullable().optional(),
  monitoringSince: YearMonthSchema.nullable().optional(),
  members: z.array(MemberInputSchema).min(1).max(30),
});
export type HouseholdCreate = z.infer<typeof HouseholdCreateSchema>;

/** Changes to the household row (monitoring status changes only through a case). */
export const HouseholdUpdateSchema = z.object(householdFields).partial();
export type HouseholdUpdate = z.infer<typeof HouseholdUpdateSchema>;

export const MemberUpdateSchema = MemberInputSchema.partial();
export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;
export const MemberLeaveSchema = z.object({ reason: text(200) });

export const MemberSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number(),
  relation: z.string(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  schooling: z.string().nullable(),
  outOfSchoolForHealth: z.boolean(),
  health: z.string(),
  disability: z.object({ category: z.number(), grade: z.number(), label: z.string() }).nullable(),
  labour: z.string(),
  workStatus: z.string().nullable(),
  workMonths: z.number().nullable(),
  workPlace: z.string().nullable(),
  medicalInsurance: z.boolean().nullable(),
  criticalIllnessInsurance: z.boolean().nullable(),
  pensionInsurance: z.boolean().nullable(),
  familyDoctor: z.boolean().nullable(),
  specialHardship: z.boolean(),
  hasLegalSupporterAbleToSupport: z.boolean().nullable(),
  phoneMasked: z.string().nullable(),
  deepGroups: z.array(z.string()),
  deepGroupsManual: z.array(z.object({ group: z.string(), evidence: z.string() })),
  active: z.boolean(),
  leftReason: z.string().nullable(),
});
export type Member = z.infer<typeof MemberSchema>;

export const HouseholdSummarySchema = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  townName: z.string().nullable(),
  householdNo: z.string().nullable(),
  headName: z.string(),
  attribute: z.string(),
  monitoringStatus: MonitoringStatusSchema,
  monitoringType: z.string().nullable(),
  size: z.number(),
  deepGroups: z.array(z.string()),
  flagged: z.boolean().nullable(),
  flagRules: z.array(z.string()),
  perCapitaNetIncome: z.number().nullable(),
  active: z.boolean(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummarySchema>;

export const HouseholdDetailSchema = HouseholdSummarySchema.extend({
  villageGroup: z.string().nullable(),
  address: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccountMasked: z.string().nullable(),
  povertyExitFlag: z.string().nullable(),
  monitoringSince: z.string().nullable(),
  monitoringUntil: z.string().nullable(),
  riskEliminationMethod: z.string().nullable(),
  riskCauses: z.array(z.string()),
  mainCause: z.string().nullable(),
  specialHardship: z.boolean(),
  assistUnitId: z.number().nullable(),
  assistPerson: z.string().nullable(),
  collectedBy: z.string().nullable(),
  collectedOn: z.string().nullable(),
  members: z.array(MemberSchema),
  years: z.array(z.number()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

export const HouseholdListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.coerce.number().int().nonnegative().optional(),
  /** Region subtree (town or village code), narrowed further by the actor's scope. */
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** Head or member name, household number, or a full ID number (exact match through the keyed hash). */
  q: z.string().trim().max(64).optional(),
  monitoringStatus: MonitoringStatusSchema.optional(),
  monitoringType: MonitoringTypeSchema.optional(),
  deepGroup: DeepGroupSchema.optional(),
  /** With `year`: only households whose evaluation raised a flag (or this rule). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  flagRule: z.string().max(40).optional(),
  /** Households in a deep-difficulty group without a measure targeting it. */
  withoutMeasure: z.enum(['true', 'false']).optional(),
  caseStep: z.string().max(24).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;

/** Economics and the facts of one household-year. */
export const HouseholdYearInputSchema = z.object({
  /** Assessment date (ages, schooling); default: the end of the year. */
  asOf: IsoDateSchema.optional(),
  econ: HouseholdEconomicsSchema,
  housing: z.object({ grade: z.enum(HOUSING_GRADES).nullable() }),
  water: WaterFactsSchema,
  foodClothing: FoodClothingFactsSchema,
});
export type HouseholdYearInput = z.infer<typeof HouseholdYearInputSchema>;

const Localized = z.object({ zh: z.string(), en: z.string() });
const InputValues = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));

export const CriterionOutSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  group: z.string(),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  verdict: z.enum(['met', 'not_met', 'unknown']),
  explanation: Localized,
  inputs: InputValues,
});
export const FlagOutSchema = z.object({
  rule: z.string(),
  labelZh: z.string(),
  suggestedType: z.string(),
  suggestedTypeZh: z.string(),
  criterionKey: z.string().optional(),
  inputs: InputValues,
  threshold: z.record(z.string(), z.number()),
  explanation: Localized,
});

export const HouseholdYearSchema = z.object({
  householdId: z.number(),
  year: z.number(),
  asOf: z.string(),
  econ: HouseholdEconomicsSchema,
  housing: z.object({ grade: z.string().nullable() }),
  water: WaterFactsSchema,
  foodClothing: FoodClothingFactsSchema,
  householdSize: z.number().nullable(),
  perCapitaNetIncome: z.number().nullable(),
  evaluation: z.enum(['evaluated', 'no_config']),
  assessment: z.array(CriterionOutSchema),
  flags: z.array(FlagOutSchema),
  notEvaluated: z.array(
    z.object({ rule: z.string(), criterionKey: z.string().optional(), reason: Localized }),
  ),
  flagged: z.boolean(),
  evaluatedAt: z.string().nullable(),
});
export type HouseholdYear = z.infer<typeof HouseholdYearSchema>;

export const MeasureInputSchema = z.object({
  type: z.string().min(1).max(32),
  memberId: z.number().int().positive().nullable().optional(),
  deepGroup: DeepGroupSchema.nullable().optional(),
  description: text(500),
  unitId: z.number().int().positive().nullable().optional(),
  responsiblePerson: optText(40),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullable().optional(),
  outcome: optText(500),
});
export type MeasureInput = z.infer<typeof MeasureInputSchema>;
export const MeasureUpdateSchema = MeasureInputSchema.partial();

export const MeasureSchema = z.object({
  id: z.number(),
  householdId: z.number(),
  memberId: z.number().nullable(),
  type: z.string(),
  typeZh: z.string(),
  group: z.string(),
  groupZh: z.string(),
  deepGroup: z.string().nullable(),
  description: z.string(),
  unitId: z.number().nullable(),
  responsiblePerson: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const TimelineEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  kind: z.string(),
  summary: Localized,
});
