import type { CaseStep } from '../../../core/households/case-machine';
import { CASE_STEP_LABELS } from '../../../core/households/case-machine';
import {
  HOUSEHOLD_ATTRIBUTES,
  MONITORING_STATUS_LABELS,
  POVERTY_EXIT_FLAGS,
} from '../../../core/households/households.schemas';
import type { LocalizedText } from '../../../core/errors/errors';
import {
  ASSISTANCE_MEASURE_TYPES,
  DISCOVERY_CHANNELS,
  MONITORING_TYPES,
  RISK_CAUSES,
} from '../../../core/monitoring/codes';
import { DEEP_DIFFICULTY_TEXT } from '../../../core/monitoring/deepDifficulty';
import {
  HEALTH_STATUS_LABELS,
  LABOUR_CAPACITY_LABELS,
  RELATION_LABELS,
  SCHOOLING_STATUS_LABELS,
  type HealthStatus,
  type LabourCapacity,
  type Relation,
  type SchoolingStatus,
} from '../../../core/monitoring/facts';

/** Code → bilingual label lookups for the households and cases pages. */
export const MONITORING_TYPE_TEXT: Record<string, LocalizedText> = Object.fromEntries(
  MONITORING_TYPES.map((t) => [t.code, { zh: t.zh, en: t.en }]),
);

export const SOURCE_TEXT: Record<string, LocalizedText> = Object.fromEntries(
  DISCOVERY_CHANNELS.map((t) => [t.code, { zh: t.zh, en: t.en }]),
);

export const STATUS_TEXT: Record<string, LocalizedText> = MONITORING_STATUS_LABELS;

export const DEEP_GROUP_TEXT: Record<string, LocalizedText> = { ...DEEP_DIFFICULTY_TEXT };

export const STEP_TEXT: Record<string, LocalizedText> = CASE_STEP_LABELS as Record<CaseStep, LocalizedText>;

/** Tag colour of a monitoring status. */
export const STATUS_COLOR: Record<string, string> = {
  none: 'default',
  monitored: 'orange',
  eliminated: 'green',
};

/** Tag colour of a case step: open steps blue, approved green, rejected red, withdrawn grey. */
export function stepColor(step: string): string {
  if (step === 'approved') return 'green';
  if (step === 'rejected') return 'red';
  if (step === 'withdrawn') return 'default';
  return 'processing';
}

/**
 * The member code lists: Chinese from the core (the ledgers' own words), English beside it here; a
 * missing English word is a type error, so English mode never falls back to Chinese silently.
 */
function bilingual<C extends string>(
  zh: Readonly<Record<C, string>>,
  en: Readonly<Record<C, string>>,
): Record<string, LocalizedText> {
  return Object.fromEntries((Object.keys(zh) as C[]).map((code) => [code, { zh: zh[code], en: en[code] }]));
}

export const RELATION_TEXT = bilingual<Relation>(RELATION_LABELS, {
  head: 'head',
  spouse: 'spouse',
  son: 'son',
  daughter: 'daughter',
  daughterInLaw: 'daughter-in-law',
  sonInLaw: 'son-in-law',
  grandson: 'grandson',
  granddaughter: 'granddaughter',
  father: 'father',
  mother: 'mother',
  sibling: 'sibling',
  other: 'other',
});

export const HEALTH_TEXT = bilingual<HealthStatus>(HEALTH_STATUS_LABELS, {
  healthy: 'healthy',
  chronic: 'chronic illness',
  serious: 'serious illness',
});

export const LABOUR_TEXT = bilingual<LabourCapacity>(LABOUR_CAPACITY_LABELS, {
  normal: 'ordinary labour',
  skilled: 'skilled labour',
  weak: 'weak or half labour',
  lost: 'lost labour capacity',
  none: 'no labour capacity',
});

export const SCHOOLING_TEXT = bilingual<SchoolingStatus>(SCHOOLING_STATUS_LABELS, {
  preschool: 'preschool',
  primary: 'primary school',
  grade7: 'grade 7',
  grade8: 'grade 8',
  grade9: 'grade 9',
  highSchool: 'high school',
  secondaryVocational: 'secondary vocational',
  higherVocational: 'higher vocational',
  undergraduatePlus: 'university',
  notInSchool: 'not in school',
  droppedOut: 'dropped out',
});

export const MEASURE_TYPE_TEXT: Record<string, LocalizedText> = Object.fromEntries(
  ASSISTANCE_MEASURE_TYPES.map((t) => [t.code, { zh: t.zh, en: t.en }]),
);

export const RISK_CAUSE_TEXT: Record<string, LocalizedText> = Object.fromEntries(
  RISK_CAUSES.map((t) => [t.code, { zh: t.zh, en: t.en }]),
);

/** Select options of a code list in the interface language, in the list's own order. */
export function codeOptions(
  map: Record<string, LocalizedText>,
  lt: (t: LocalizedText) => string,
): { value: string; label: string }[] {
  return Object.entries(map).map(([value, text]) => ({ value, label: lt(text) }));
}

/** A label for a code, falling back to the code itself. */
export function label(
  map: Record<string, LocalizedText>,
  code: string | null | undefined,
  lt: (t: LocalizedText) => string,
): string {
  if (!code) return '—';
  const text = map[code];
  return text ? lt(text) : code;
}

export function formatYuan(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Math.round(n).toLocaleString('zh-CN');
}

/** 户属性 and 脱贫标志 are stored as their Chinese words; these give the English beside them. */
export const ATTRIBUTE_TEXT = bilingual<(typeof HOUSEHOLD_ATTRIBUTES)[number]>(
  Object.fromEntries(HOUSEHOLD_ATTRIBUTES.map((a) => [a, a])) as Record<
    (typeof HOUSEHOLD_ATTRIBUTES)[number],
    string
  >,
  {
    一般农户: 'ordinary rural household',
    脱贫户: 'household out of poverty',
    一般贫困户: 'poor household',
    低保户: 'minimum-allowance household',
    低保贫困户: 'poor household on minimum allowance',
    特困供养户: 'extreme-hardship support household',
  },
);

export const EXIT_FLAG_TEXT = bilingual<(typeof POVERTY_EXIT_FLAGS)[number]>(
  Object.fromEntries(POVERTY_EXIT_FLAGS.map((a) => [a, a])) as Record<
    (typeof POVERTY_EXIT_FLAGS)[number],
    string
  >,
  {
    未脱贫: 'not out of poverty',
    '已脱贫(享受政策)': 'out of poverty (policies continue)',
    返贫: 'back in poverty',
    '已脱贫(不再享受政策)': 'out of poverty (policies ended)',
  },
);

/** Sex as stored (男/女). */
export const SEX_TEXT: Record<string, LocalizedText> = {
  男: { zh: '男', en: 'M' },
  女: { zh: '女', en: 'F' },
};
