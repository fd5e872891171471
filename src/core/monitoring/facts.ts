import { z } from 'zod';
import { isIsoDate } from '../identity/dates';

/** Household facts that feed the 一达标两不愁三保障 assessment; field names follow DATA-DICTIONARY.md. */

const money = z.number().finite().min(0);
const isoDate = z.string().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 且真实存在' });

/** Health codes (健康状况); disability is recorded separately. */
export const HEALTH_STATUSES = ['healthy', 'chronic', 'serious'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
export const HEALTH_STATUS_LABELS: Readonly<Record<HealthStatus, string>> = {
  healthy: '健康',
  chronic: '长期慢性病',
  serious: '患有大病',
};

/** Labour capacity codes (劳动技能/劳动能力). */
export const LABOUR_CAPACITIES = ['normal', 'skilled', 'weak', 'lost', 'none'] as const;
export type LabourCapacity = (typeof LABOUR_CAPACITIES)[number];
export const LABOUR_CAPACITY_LABELS: Readonly<Record<LabourCapacity, string>> = {
  normal: '普通劳动力',
  skilled: '技能劳动力',
  weak: '弱劳动力或半劳动力',
  lost: '丧失劳动力',
  none: '无劳动力',
};

/** Capacities that count as "no working capacity" for 整户无劳动能力 and 失能. */
export const NO_LABOUR: readonly LabourCapacity[] = ['lost', 'none'];

/** Schooling codes (在校生状况). */
export const SCHOOLING_STATUSES = [
  'preschool',
  'primary',
  'grade7',
  'grade8',
  'grade9',
  'highSchool',
  'secondaryVocational',
  'higherVocational',
  'undergraduatePlus',
  'notInSchool',
  'droppedOut',
] as const;
export type SchoolingStatus = (typeof SCHOOLING_STATUSES)[number];
export const SCHOOLING_STATUS_LABELS: Readonly<Record<SchoolingStatus, string>> = {
  preschool: '学前教育',
  primary: '小学',
  grade7: '七年级',
  grade8: '八年级',
  grade9: '九年级',
  highSchool: '高中',
  secondaryVocational: '中职',
  higherVocational: '高职',
  undergraduatePlus: '本科及以上',
  notInSchool: '非在校生',
  droppedOut: '辍学',
};

/** Statuses that mean the member is not attending school. */
export const OUT_OF_SCHOOL: readonly SchoolingStatus[] = ['notInSchool', 'droppedOut'];

/** Relation to the head (与户主关系): explanations name members by relation and age, never by name. */
export const RELATIONS = [
  'head',
  'spouse',
  'son',
  'daughter',
  'daughterInLaw',
  'sonInLaw',
  'grandson',
  'granddaughter',
  'father',
  'mother',
  'sibling',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  head: '户主',
  spouse: '配偶',
  son: '之子',
  daughter: '之女',
  daughterInLaw: '之儿媳',
  sonInLaw: '之女婿',
  grandson: '之孙子',
  granddaughter: '之孙女',
  father: '之父',
  mother: '之母',
  sibling: '兄弟姐妹',
  other: '其他',
};

/** Income and rigid expenditure of a household for one year (yuan). */
export const HouseholdEconomicsSchema = z.object({
  /** 工资性收入 */
  wages: money,
  /** 生产经营性收入 (gross; costs are subtracted below) */
  netBusinessIncome: money,
  /** 财产性收入 */
  propertyIncome: money,
  /** 转移性收入 */
  transferIncome: money,
  /** 生产经营性支出 */
  businessCosts: money,
  /** Rigid expenditure feeding 突发严重困难: 合规自付医疗费用, 教育支出, 灾害损失, other (e.g. accident). */
  rigidExpenditure: z.object({ medical: money, education: money, disaster: money, other: money }),
});
export type HouseholdEconomics = z.infer<typeof HouseholdEconomicsSchema>;

/** Per-member facts; `null` means "not yet verified" and yields an 'unknown' verdict instead of a guess. */
export const MemberFactsSchema = z.object({
  /** Opaque reference back to the caller's record (never a name or ID number). */
  key: z.string().optional(),
  relation: z.enum(RELATIONS).optional(),
  birthDate: isoDate,
  health: z.enum(HEALTH_STATUSES),
  disability: z
    .object({ category: z.number().int().min(1).max(7), grade: z.number().int().min(1).max(4) })
    .nullable(),
  labour: z.enum(LABOUR_CAPACITIES),
  schooling: z.enum(SCHOOLING_STATUSES).nullable().optional(),
  /** Out of school for health reasons: exempt from the compulsory-education criterion. */
  outOfSchoolForHealth: z.boolean().optional(),
  medicalInsurance: z.boolean().nullable(),
  criticalIllnessInsurance: z.boolean().nullable(),
  familyDoctor: z.boolean().nullable().optional(),
  /** 特困供养人员 */
  specialHardship: z.boolean().optional(),
  /** false = no legal supporter, or the supporter cannot fulfil the duty (R12 特困). */
  hasLegalSupporterAbleToSupport: z.boolean().optional(),
});
export type MemberFacts = z.infer<typeof MemberFactsSchema>;

/** House safety grade from the appraisal (A, B safe; C, D must be renovated). */
export const HOUSING_GRADES = ['A', 'B', 'C', 'D'] as const;
export type HousingGrade = (typeof HOUSING_GRADES)[number];
export const HousingFactsSchema = z.object({ grade: z.enum(HOUSING_GRADES).nullable() });
export type HousingFacts = z.infer<typeof HousingFactsSchema>;

/** The four safe-water criteria: quantity, quality, convenience, supply reliability. */
export const WaterFactsSchema = z.object({
  litresPerPersonDay: z.number().min(0).nullable(),
  waterShortArea: z.boolean(),
  qualityOk: z.boolean().nullable(),
  /** Round-trip fetching time in minutes (0 with tap water at home). */
  fetchMinutes: z.number().min(0).nullable(),
  supplyCutDaysPerYear: z.number().min(0).max(366).nullable(),
});
export type WaterFacts = z.infer<typeof WaterFactsSchema>;

/** 两不愁: food (staple food enough, meat at least monthly) and clothing (seasonal changes). */
export const FoodClothingFactsSchema = z.object({
  enoughStapleFood: z.boolean().nullable(),
  meatAtLeastMonthly: z.boolean().nullable(),
  seasonalClothing: z.boolean().nullable(),
});
export type FoodClothingFacts = z.infer<typeof FoodClothingFactsSchema>;

/** Everything assessHousehold needs besides the year config, e.g. to validate an API body in one go. */
export const HouseholdFactsSchema = z.object({
  asOf: isoDate,
  members: z.array(MemberFactsSchema).min(1),
  econ: HouseholdEconomicsSchema,
  housing: HousingFactsSchema,
  water: WaterFactsSchema,
  foodClothing: FoodClothingFactsSchema,
});
export type HouseholdFacts = z.infer<typeof HouseholdFactsSchema>;
