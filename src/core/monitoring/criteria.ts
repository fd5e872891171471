import type { LocalizedText } from '../identity/result';

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

/** zh labels as clerks name the criteria. */
export const CRITERION_LABELS: Readonly<Record<CriterionKey, string>> = {
  income: '一达标（人均纯收入）',
  food: '不愁吃',
  clothing: '不愁穿',
  compulsoryEducation: '义务教育有保障',
  medicalInsurance: '基本医疗有保障',
  housing: '住房安全有保障',
  waterQuantity: '饮水安全（水量）',
  waterQuality: '饮水安全（水质）',
  waterConvenience: '饮水安全（取水方便）',
  waterSupply: '饮水安全（供水保证率）',
};

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
