/**
 * Typed activity records 帮扶活动记录 (R1, R4–R8, R16): one record per visit, placement, purchase,
 * donation…, entered once by the unit that did it. Every indicator of the year's plan is computed
 * from these records (ARCHITECTURE: enter once, derive everywhere).
 *
 * Common fields live in columns (date, unit, place, amount, people, person); the fields of each type
 * live in `details`, validated by that type's schema below. Field names follow the ledgers units keep
 * today (DATA-DICTIONARY: 劳务协作台账, 消费扶贫台账, 捐赠台账, 干部挂职台账, 调研走访台账).
 */
import { z } from 'zod';

const isoDate = z.iso.date();
const text = (max = 200) => z.string().trim().min(1).max(max);
const optionalText = (max = 2000) => z.string().trim().max(max).nullish();

/** R1 调研走访台账: 带队领导 (级别), 参加人员, 内容, 解决的问题. */
export const LeadershipVisitDetailsSchema = z.object({
  /** district = 区委区政府主要负责同志; town = 镇(街)主要负责同志; city = 协助市领导调研. */
  visitorLevel: z.enum(['district', 'town', 'city']),
  visitor: text(100),
  participants: optionalText(500),
  purpose: text(1000),
  findings: optionalText(),
});

/** R16 理论学习: a unit's study session on the assistance policy. */
export const StudySessionDetailsSchema = z.object({
  topic: text(300),
  /** 中心组学习 / 专题学习 / 支部学习…; free text so units keep their own words. */
  format: optionalText(100),
});

/** R5 干部挂职台账: 姓名, 原单位及职务, 挂职单位及职务, 起止时间, 培训次数. */
export const CadreSecondmentDetailsSchema = z.object({
  personName: text(50),
  originalPost: text(200),
  post: text(200),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  trainings: z.number().int().min(0).max(1000).default(0),
  /** 遴选为结对帮扶先进挂职干部典型. */
  exemplary: z.boolean().default(false),
});

export const TALENT_FIELDS = ['education', 'science', 'culture', 'health', 'social_work'] as const;
/** R5 人才支持 in 教科文卫 and social work. */
export const TalentSupportDetailsSchema = z.object({
  field: z.enum(TALENT_FIELDS),
  personName: optionalText(50),
  description: text(1000),
});

export const TRAINING_KINDS = ['entrepreneur_leader', 'vocational', 'cadre', 'skills', 'other'] as const;
/** R5/R6 trainings: 创业致富带头人培训, 职业教育/培训, 挂职干部培训…; attendees in `peopleCount`. */
export const TrainingDetailsSchema = z.object({
  kind: z.enum(TRAINING_KINDS),
  title: text(300),
  organiser: optionalText(200),
});

/** R6 劳务协作台账. The person's ID number travels in the record's `person`, never in `details`. */
export const EmploymentPlacementDetailsSchema = z.object({
  /** 就业方式: transfer = 转移到我区就业, local = 依托我区产业项目就地就近就业. */
  mode: z.enum(['transfer', 'local']),
  /** 是否建档立卡 (registered poor). */
  registeredPoor: z.boolean().default(true),
  /** 户籍地: county, township, village as written. */
  hometown: optionalText(200),
  employer: text(200),
  workplace: optionalText(200),
  post: optionalText(100),
  startDate: isoDate,
  monthlyWage: z.number().min(0).max(1_000_000),
  stableMonths: z.number().int().min(0).max(120).nullish(),
});

/** R7 消费扶贫台账: 采购单位/个人, 产品名称, 产地, 数量, 金额 (in `amountYuan`), 采购方式. */
export const ConsumptionPurchaseDetailsSchema = z.object({
  buyer: text(200),
  buyerKind: z.enum(['unit', 'enterprise', 'organisation', 'individual']),
  product: text(200),
  origin: optionalText(200),
  quantity: optionalText(100),
  method: z.enum(['centralised', 'canteen', 'individual', 'online', 'other']),
  /** Part of a centralised purchasing trip to the county (集中采购, R7: one each half-year). */
  centralisedTrip: z.boolean().default(false),
  /** 1 = first half, 2 = second half; derived from the date by the server. */
  half: z.union([z.literal(1), z.literal(2)]).optional(),
});

/** R7 捐赠台账: 捐赠方, 捐赠类型 (资金 / 物资折价), 金额 (in `amountYuan`), 受助对象. */
export const DonationDetailsSchema = z.object({
  donor: text(200),
  donationType: z.enum(['money', 'goods']),
  beneficiaryKind: z.enum(['family', 'student', 'project']),
  beneficiaries: optionalText(1000),
});

/** R7 医疗救助: medical institutions helping the county's poor patients. */
export const MedicalAidDetailsSchema = z.object({
  institution: text(200),
  description: text(1000),
});

/** R7 志愿服务: 专家义诊, 关爱留守儿童, 慰问贫困孤寡老人…; volunteers in `peopleCount`. */
export const VolunteerEventDetailsSchema = z.object({
  kind: z.enum(['free_clinic', 'left_behind_children', 'lonely_elderly', 'other']),
  title: text(300),
  beneficiaries: z.number().int().min(0).max(1_000_000).nullish(),
});

/** R4 特色产业基地. */
export const IndustryBaseDetailsSchema = z.object({
  name: text(200),
  industry: text(100),
  poorEmployed: z.number().int().min(0).max(100_000).nullish(),
});

/** R4 产业合作组织和龙头企业. */
export const CooperationOrgDetailsSchema = z.object({
  name: text(200),
  kind: z.enum(['cooperative', 'leading_enterprise', 'association', 'other']),
  description: optionalText(),
});

/** R7 招商引资: enterprises brought to invest in the county (amount in `amountYuan`). */
export const InvestmentDetailsSchema = z.object({
  enterprise: text(200),
  industry: optionalText(100),
  jobs: z.number().int().min(0).max(1_000_000).nullish(),
  /** 纳入区载体单位招商引资考核. */
  countedInAssessment: z.boolean().default(true),
});

/** R4 园区经验交流 / 园区企业合作. */
export const ParkExchangeDetailsSchema = z.object({
  kind: z.enum(['exchange', 'partnership']),
  parks: text(300),
  description: text(1000),
});

/** R8 乡村振兴: 人居环境整治, 村容村貌, 农村公共卫生三级网络. */
export const RuralRevitalisationDetailsSchema = z.object({
  category: z.enum(['living_environment', 'village_appearance', 'public_health_network', 'other']),
  project: text(200),
  description: optionalText(),
});

/** Every record type and the schema of its `details`. Years are data, types are code: a new type needs a schema. */
export const ACTIVITY_DETAILS = {
  leadership_visit: LeadershipVisitDetailsSchema,
  study_session: StudySessionDetailsSchema,
  cadre_secondment: CadreSecondmentDetailsSchema,
  talent_support: TalentSupportDetailsSchema,
  training: TrainingDetailsSchema,
  employment_placement: EmploymentPlacementDetailsSchema,
  consumption_purchase: ConsumptionPurchaseDetailsSchema,
  donation: DonationDetailsSchema,
  medical_aid: MedicalAidDetailsSchema,
  volunteer_event: VolunteerEventDetailsSchema,
  industry_base: IndustryBaseDetailsSchema,
  cooperation_org: CooperationOrgDetailsSchema,
  investment: InvestmentDetailsSchema,
  park_exchange: ParkExchangeDetailsSchema,
  rural_revitalisation: RuralRevitalisationDetailsSchema,
} as const;

export type ActivityType = keyof typeof ACTIVITY_DETAILS;
export const ACTIVITY_TYPES = Object.keys(ACTIVITY_DETAILS) as [ActivityType, ...ActivityType[]];
export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES);

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, { zh: string; en: string }> = {
  leadership_visit: { zh: '领导调研走访', en: 'Leadership visit' },
  study_session: { zh: '理论学习', en: 'Study session' },
  cadre_secondment: { zh: '干部挂职', en: 'Cadre secondment' },
  talent_support: { zh: '人才支持', en: 'Talent support' },
  training: { zh: '培训', en: 'Training' },
  employment_placement: { zh: '劳务协作就业', en: 'Employment placement' },
  consumption_purchase: { zh: '消费扶贫采购', en: 'Consumption purchase' },
  donation: { zh: '捐赠', en: 'Donation' },
  medical_aid: { zh: '医疗救助', en: 'Medical aid' },
  volunteer_event: { zh: '志愿服务', en: 'Volunteer event' },
  industry_base: { zh: '特色产业基地', en: 'Industry base' },
  cooperation_org: { zh: '产业合作组织/龙头企业', en: 'Cooperation organisation / leading enterprise' },
  investment: { zh: '招商引资', en: 'Investment brought in' },
  park_exchange: { zh: '园区交流合作', en: 'Park exchange' },
  rural_revitalisation: { zh: '乡村振兴', en: 'Rural revitalisation work' },
};

/** Types whose `person` (name + ID number) is required: the person is what the indicator counts. */
export const PERSON_REQUIRED: ReadonlySet<ActivityType> = new Set(['employment_placement']);
/** Types whose `amountYuan` is required (the ledger's 金额 column). */
export const AMOUNT_REQUIRED: ReadonlySet<ActivityType> = new Set(['consumption_purchase', 'donation']);

/** A reference to an uploaded evidence file (photo, sign-in sheet, receipt), kept by the storage interface. */
export const EvidenceRefSchema = z.object({
  name: z.string().trim().min(1).max(200),
  ref: z.string().trim().min(1).max(500),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

/** The person a record names (employment, medical aid…). The ID number is encrypted on arrival. */
export const PersonInputSchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().min(15).max(20),
});

const commonInput = {
  date: isoDate,
  /** The unit that did it; unit users may omit it (their own unit is used). */
  unitId: z.number().int().positive().optional(),
  /** Where it happened: 12-digit division code of the district or the paired county. */
  regionCode: z.string().regex(/^\d{12}$/),
  amountYuan: z.number().min(0).max(1e12).nullish(),
  peopleCount: z.number().int().min(0).max(10_000_000).nullish(),
  person: PersonInputSchema.nullish(),
  evidence: z.array(EvidenceRefSchema).max(50).default([]),
  note: z.string().trim().max(2000).nullish(),
};

function variant<T extends ActivityType>(type: T) {
  return z.object({ type: z.literal(type), ...commonInput, details: ACTIVITY_DETAILS[type] });
}

/** Create/replace body: a discriminated union on `type`, so each type's details are checked by its own schema. */
export const ActivityInputSchema = z.discriminatedUnion('type', [
  variant('leadership_visit'),
  variant('study_session'),
  variant('cadre_secondment'),
  variant('talent_support'),
  variant('training'),
  variant('employment_placement'),
  variant('consumption_purchase'),
  variant('donation'),
  variant('medical_aid'),
  variant('volunteer_event'),
  variant('industry_base'),
  variant('cooperation_org'),
  variant('investment'),
  variant('park_exchange'),
  variant('rural_revitalisation'),
]);
export type ActivityInput = z.infer<typeof ActivityInputSchema>;

/** A record as the API returns it: the ID number only masked, never the hash or ciphertext. */
export const ActivitySchema = z.object({
  id: z.number(),
  type: ActivityTypeSchema,
  date: z.string(),
  unitId: z.number(),
  unitName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  /** The district town the record counts for in per-town indicators, if any. */
  townCode: z.string().nullable(),
  amountYuan: z.number().nullable(),
  peopleCount: z.number().nullable(),
  person: z.object({ name: z.string(), idNumberMasked: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  evidence: z.array(EvidenceRefSchema),
  note: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityListQuerySchema = z.object({
  type: ActivityTypeSchema.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  after: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

/** The half-year of an ISO date (R7: centralised purchases, one each half). */
export function halfOf(date: string): 1 | 2 {
  return Number(date.slice(5, 7)) <= 6 ? 1 : 2;
}

/** The names of the details fields of a type (for measurement filters). */
export function detailsFields(type: ActivityType): string[] {
  return Object.keys(ACTIVITY_DETAILS[type].shape);
}
