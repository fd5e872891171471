import type { LocalizedText } from '../identity/result';
import { zhLabels } from './format';

/** The criteria of 一达标两不愁三保障 plus the four safe-water criteria (R10, R11). */
export type CriterionKey =
  | 'income'
  | 'food'
  | 'clothing'
  | 'compulsoryEducation'
  | 'medicalInsurance'
  | 'housing'
  | 'waterQuantity'
  | 'waterQuality'
  | 'waterConvenience'
  | 'waterSupply';

/** Which part of the standard a criterion belongs to, for grouping on screen. */
export type CriterionGroup = 'oneStandard' | 'twoNoWorries' | 'threeGuarantees' | 'water';

/** The criteria as clerks name them (zh), with the English a screen shows in English mode. */
export const CRITERION_TEXT: Readonly<Record<CriterionKey, LocalizedText>> = {
  income: { zh: '一达标（人均纯收入）', en: 'Income standard (per-capita net income)' },
  food: { zh: '不愁吃', en: 'Enough food' },
  clothing: { zh: '不愁穿', en: 'Enough clothing' },
  compulsoryEducation: { zh: '义务教育有保障', en: 'Compulsory education' },
  medicalInsurance: { zh: '基本医疗有保障', en: 'Basic medical care' },
  housing: { zh: '住房安全有保障', en: 'Safe housing' },
  waterQuantity: { zh: '饮水安全（水量）', en: 'Safe water (quantity)' },
  waterQuality: { zh: '饮水安全（水质）', en: 'Safe water (quality)' },
  waterConvenience: { zh: '饮水安全（取水方便）', en: 'Safe water (access)' },
  waterSupply: { zh: '饮水安全（供水保证率）', en: 'Safe water (supply reliability)' },
};

/** zh labels as clerks name the criteria (the `labelZh` of stored results). */
export const CRITERION_LABELS: Readonly<Record<CriterionKey, string>> = zhLabels(CRITERION_TEXT);

/** A criterion key as words; an unknown key (a newer server's) is shown as it is. */
export function criterionText(key: string): LocalizedText {
  return CRITERION_TEXT[key as CriterionKey] ?? { zh: key, en: key };
}

/** Criterion → part of the standard. */
export const CRITERION_GROUPS: Readonly<Record<CriterionKey, CriterionGroup>> = {
  income: 'oneStandard',
  food: 'twoNoWorries',
  clothing: 'twoNoWorries',
  compulsoryEducation: 'threeGuarantees',
  medicalInsurance: 'threeGuarantees',
  housing: 'threeGuarantees',
  waterQuantity: 'water',
  waterQuality: 'water',
  waterConvenience: 'water',
  waterSupply: 'water',
};

/** 'unknown' when the fact was not verified, so a missing field is never read as "met". */
export type Verdict = 'met' | 'not_met' | 'unknown';

/** Scalar values recorded as the inputs of a verdict (no personal data). */
export type InputValue = number | string | boolean | null;

/** One explained verdict: what was compared with what, in words a clerk understands. */
export interface Criterion {
  key: CriterionKey;
  labelZh: string;
  group: CriterionGroup;
  value: InputValue;
  verdict: Verdict;
  explanation: LocalizedText;
  inputs: Record<string, InputValue>;
}

/** Builds a criterion record with its label and group filled in. */
export function criterion(
  key: CriterionKey,
  verdict: Verdict,
  value: InputValue,
  zh: string,
  en: string,
  inputs: Record<string, InputValue>,
): Criterion {
  return {
    key,
    labelZh: CRITERION_LABELS[key],
    group: CRITERION_GROUPS[key],
    value,
    verdict,
    explanation: { zh, en },
    inputs,
  };
}

/** A number as clerks write it (thousands grouped, at most 2 decimals). */
const num = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/**
 * A criterion's value in words with its unit ("4,508 元", "失学 0 人", "A 级"), for the assessment table:
 * a bare "0" beside 义务教育有保障 reads as "no education" when it counts the children out of school.
 */
export function criterionValueText(key: string, value: InputValue): LocalizedText {
  if (value === null) return { zh: '—', en: '—' };
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
  if (typeof value === 'string')
    return key === 'housing' ? { zh: `${value} 级`, en: `Grade ${value}` } : { zh: value, en: value };
  const n = num(value);
  switch (key as CriterionKey) {
    case 'income':
      return { zh: `${n} 元/人`, en: `¥${n} per person` };
    case 'compulsoryEducation':
      return { zh: `失学 ${n} 人`, en: `${n} out of school` };
    case 'medicalInsurance':
      return { zh: `未参保 ${n} 人次`, en: `${n} uninsured` };
    case 'waterQuantity':
      return { zh: `${n} 升/人·日`, en: `${n} L/person/day` };
    case 'waterConvenience':
      return { zh: `${n} 分钟`, en: `${n} min` };
    case 'waterSupply':
      return { zh: `断水 ${n} 天`, en: `${n} days cut` };
    default:
      return { zh: n, en: n };
  }
}
