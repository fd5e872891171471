/**
 * Code lists of the monitoring exports, as data (DATA-DICTIONARY "keep every code list as data that an admin
 * can extend"): the database may add entries; these are the defaults that seed it.
 */

/** One entry of a code list. */
export interface CodeEntry<C extends string = string> {
  code: C;
  zh: string;
  en: string;
}

/** Monitoring object types (R10; national names since 2021). */
export const MONITORING_TYPES = [
  { code: 'unstable', zh: '脱贫不稳定户', en: 'unstable household out of poverty' },
  { code: 'marginal', zh: '边缘易致贫户', en: 'marginal household prone to poverty' },
  { code: 'sudden', zh: '突发严重困难户', en: 'household in sudden severe difficulty' },
] as const satisfies readonly CodeEntry[];

/** Machine code of a monitoring type. */
export type MonitoringTypeCode = (typeof MONITORING_TYPES)[number]['code'];

/** zh label per monitoring type, for flags and exports. */
export const MONITORING_TYPE_LABELS: Readonly<Record<MonitoringTypeCode, string>> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden: '突发严重困难户',
};

/** A risk cause; `group` links the natural-disaster sub-codes to 02, `since` marks year-specific codes. */
export interface RiskCause extends CodeEntry {
  group?: string;
  since?: number;
}

/** Group heading for the natural-disaster sub-codes (02xx); not itself selectable. */
export const RISK_CAUSE_GROUPS: readonly CodeEntry[] = [
  { code: '02', zh: '因自然灾害', en: 'natural disaster' },
];

/** 返贫/致贫风险 codes of the monitoring exports; 08 因疫情 added for 2020 (R9 epidemic screening). */
export const RISK_CAUSES: readonly RiskCause[] = [
  { code: '01', zh: '因病', en: 'illness' },
  { code: '0201', zh: '洪涝', en: 'flood', group: '02' },
  { code: '0202', zh: '地质', en: 'geological hazard', group: '02' },
  { code: '0203', zh: '干旱', en: 'drought', group: '02' },
  { code: '0204', zh: '生物', en: 'biological hazard', group: '02' },
  { code: '0205', zh: '气象', en: 'weather', group: '02' },
  { code: '0206', zh: '地震', en: 'earthquake', group: '02' },
  { code: '0299', zh: '其他自然灾害', en: 'other natural disaster', group: '02' },
  { code: '03', zh: '因残', en: 'disability' },
  { code: '04', zh: '因缺劳动力', en: 'lack of labour' },
  { code: '05', zh: '因意外事故', en: 'accident' },
  { code: '06', zh: '因产业失败', en: 'failed business' },
  { code: '07', zh: '因务工就业不稳', en: 'unstable employment' },
  { code: '08', zh: '因疫情', en: 'epidemic (COVID-19)', since: 2020 },
  { code: '09', zh: '因学', en: 'schooling' },
  { code: '99', zh: '其他', en: 'other' },
];

/** Looks up a risk cause in the defaults plus any admin-added entries. */
export function findRiskCause(code: string, extra: readonly RiskCause[] = []): RiskCause | undefined {
  return [...RISK_CAUSES, ...extra].find((c) => c.code === code);
}

/** Assistance-measure groups used by the monitoring exports. */
export const ASSISTANCE_MEASURE_GROUPS = [
  { code: 'living', zh: '生活', en: 'living' },
  { code: 'security', zh: '保障', en: 'security' },
  { code: 'finance', zh: '金融', en: 'finance' },
  { code: 'production', zh: '生产', en: 'production' },
  { code: 'employment', zh: '就业', en: 'employment' },
  { code: 'social', zh: '社会', en: 'social' },
] as const satisfies readonly CodeEntry[];

/** Machine code of an assistance-measure group. */
export type AssistanceMeasureGroup = (typeof ASSISTANCE_MEASURE_GROUPS)[number]['code'];

/** A detailed measure type (帮扶措施类型) and the export group it rolls up to (default mapping, editable data). */
export interface AssistanceMeasureType extends CodeEntry {
  group: AssistanceMeasureGroup;
}

/** 帮扶措施类型 of the data dictionary, each mapped to one export group. */
export const ASSISTANCE_MEASURE_TYPES: readonly AssistanceMeasureType[] = [
  { code: 'industry', zh: '产业帮扶', en: 'industry', group: 'production' },
  {
    code: 'employment',
    zh: '就业帮扶（含公益岗位）',
    en: 'employment (incl. public-welfare jobs)',
    group: 'employment',
  },
  { code: 'education', zh: '教育帮扶', en: 'education', group: 'security' },
  { code: 'health', zh: '健康帮扶', en: 'health', group: 'security' },
  { code: 'housing', zh: '住房保障', en: 'housing', group: 'security' },
  { code: 'water', zh: '饮水保障', en: 'drinking water', group: 'security' },
  { code: 'socialProtection', zh: '综合保障（兜底）', en: 'social protection (safety net)', group: 'living' },
  { code: 'finance', zh: '金融帮扶（小额信贷）', en: 'finance (micro-credit)', group: 'finance' },
  { code: 'consumption', zh: '消费帮扶', en: 'consumption assistance', group: 'production' },
  { code: 'social', zh: '社会帮扶', en: 'social assistance', group: 'social' },
  { code: 'other', zh: '其他', en: 'other', group: 'social' },
];

/** How a monitored household came to attention (R10 discovery channels). */
export const DISCOVERY_CHANNELS = [
  { code: 'application', zh: '农户自主申报', en: "household's own application" },
  { code: 'cadreScreening', zh: '基层干部排查', en: 'cadre screening' },
  { code: 'departmentWarning', zh: '部门筛查预警', en: 'department data early-warning' },
] as const satisfies readonly CodeEntry[];

/** How a risk was eliminated (风险消除方式); the record is marked, never deleted. */
export const RISK_ELIMINATION_METHODS = [
  { code: 'assisted', zh: '帮扶消除', en: 'eliminated through assistance' },
  { code: 'natural', zh: '自然消除', en: 'eliminated naturally' },
] as const satisfies readonly CodeEntry[];
