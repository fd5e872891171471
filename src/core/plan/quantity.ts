/**
 * Quantity phrases in normalised plan text: "不少于2次", "1-2个", "20名以上", "一千五百万元",
 * "1.5亿元", "100%", "百分之九十".
 *
 * Only a number followed by a measure word from a small lexicon counts as a quantity, so years
 * ("2020年"), dates ("3月底"), section numbers ("1.", "(一)") and idioms ("一达标两不愁三保障",
 * "三级网络", "四不两直") never become targets.
 */
import type { Comparison, IndicatorUnit } from './plan.schemas';
import { CN_NUMERAL_CHARS, parseNumberToken, roundYuan } from './numbers';

/** A quantity found in normalised text. `start` includes a comparator word before the number. */
export interface QuantityMatch {
  readonly start: number;
  readonly end: number;
  /** Where the number itself starts (after the comparator word). */
  readonly numberStart: number;
  readonly comparison: Comparison;
  readonly value: number;
  readonly valueMax: number | null;
  readonly unit: IndicatorUnit;
  /** True when a comparator word (不少于…) or suffix (以上…) was present. */
  readonly hasComparator: boolean;
  /**
   * True for a number that is a word, not a target: bare Chinese "一" + measure word ("一次性",
   * "一户一策"), bare Chinese numeral + 个 (slogans: "两个确保", "四个意识"), or a quoted slogan.
   */
  readonly isArticle: boolean;
}

const GTE_WORDS = [
  '不少于',
  '不低于',
  '不小于',
  '不下于',
  '至少',
  '最少',
  '超过',
  '多于',
  '高于',
  '大于',
  '达到',
  '突破',
  '达',
];
const LTE_WORDS = ['不超过', '不高于', '不多于', '不大于', '最多', '至多', '控制在', '低于', '少于', '小于'];
const COMPARATOR_RE = new RegExp(
  `(${[...GTE_WORDS, ...LTE_WORDS].sort((a, b) => b.length - a.length).join('|')})$`,
);
/** "至少举办3场", "最多安排2次": these adverbs may stand before a short verb. */
const ADVERB_COMPARATOR_RE = /(至少|最少|最多|至多)[\u4e00-\u9fff]{1,4}$/;

/** The comparator word right before the number, and whether it is adjacent (part of the phrase). */
function comparatorBefore(text: string): { word: string; adjacent: boolean } | null {
  const adjacent = COMPARATOR_RE.exec(text)?.[1];
  if (adjacent !== undefined) return { word: adjacent, adjacent: true };
  const adverb = ADVERB_COMPARATOR_RE.exec(text)?.[1];
  return adverb === undefined ? null : { word: adverb, adjacent: false };
}

/** Measure words, longest first; lookaheads keep words like 项目, 一次性, 家庭 out. */
const UNIT_PATTERN =
  '人次|场次|批次|元|%|次(?!性|产业)|场|期|批|人|名(?!单)|位|户|个(?!性|体)|家(?!庭|属)|所|项(?!目)|处|座|条|篇|套|台|辆|亩|吨|公里';

const UNIT_ALIASES: Readonly<Record<string, IndicatorUnit>> = { 名: '人', 位: '人', 场次: '场', 批次: '批' };

const NUM = `(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十][${CN_NUMERAL_CHARS}]*)`;
const QUANTITY_RE = new RegExp(
  `(?<![\\d.${CN_NUMERAL_CHARS}第])(${NUM})([万亿])?(?:([-~至到])(${NUM})([万亿])?)?(${UNIT_PATTERN})(及以上|以上|及以下|以下|以内|之内|左右)?`,
  'g',
);
const PERCENT_WORDS_RE = new RegExp(`百分之([${CN_NUMERAL_CHARS}]+)`, 'g');

const MULTIPLIER: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** 1.5万人 → 15000 (rounded: 1.15 × 10⁴ is 11499.999… in floating point). */
const scale = (value: number, factor: number): number =>
  factor === 1 ? value : Math.round(value * factor * 1e6) / 1e6;

/** Split a trailing 万/亿 off a Chinese numeral before 元: "一千五百万" + 元 → 1500 万元. */
function splitMoneyMultiplier(token: string, multiplier: string | undefined): [string, string | undefined] {
  if (multiplier !== undefined || token.length < 2) return [token, multiplier];
  const last = token.charAt(token.length - 1);
  return last === '万' || last === '亿' ? [token.slice(0, -1), last] : [token, multiplier];
}

function comparisonOf(
  comparator: string | undefined,
  suffix: string | undefined,
  isRange: boolean,
): Comparison {
  if (isRange) return 'range';
  if (suffix === '以上' || suffix === '及以上') return 'gte';
  if (suffix === '以下' || suffix === '及以下' || suffix === '以内' || suffix === '之内') return 'lte';
  if (comparator !== undefined && GTE_WORDS.includes(comparator)) return 'gte';
  if (comparator !== undefined && LTE_WORDS.includes(comparator)) return 'lte';
  return 'eq';
}

/** Every quantity in a normalised (space-free, half-width) text, in text order. */
export function findQuantities(text: string): QuantityMatch[] {
  const found: QuantityMatch[] = [];
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(text); m !== null; m = QUANTITY_RE.exec(text)) {
    const [whole, rawN1 = '', rawM1, sep, rawN2, rawM2, rawUnit = '', suffix] = m;
    let n1 = rawN1;
    let n2 = rawN2;
    let mult = rawM2 ?? rawM1;
    if (rawUnit === '元') {
      [n1, mult] = splitMoneyMultiplier(n1, mult);
      if (n2 !== undefined) [n2, mult] = splitMoneyMultiplier(n2, mult);
    }
    const v1 = parseNumberToken(n1);
    const v2 = n2 === undefined ? null : parseNumberToken(n2);
    if (v1 === null || (n2 !== undefined && v2 === null)) continue;

    let unit: IndicatorUnit;
    let factor = 1;
    if (rawUnit === '元' && mult !== undefined) {
      unit = mult === '万' ? '万元' : '亿元';
    } else {
      unit = UNIT_ALIASES[rawUnit] ?? (rawUnit as IndicatorUnit);
      factor = mult === undefined ? 1 : (MULTIPLIER[mult] ?? 1);
    }

    const comparatorInfo = comparatorBefore(text.slice(0, m.index));
    const comparator = comparatorInfo?.word;
    const isRange = v2 !== null && sep !== undefined;
    const hasComparator = comparator !== undefined || suffix !== undefined;
    const isChinese = !/^\d/.test(rawN1);
    found.push({
      start: m.index - (comparatorInfo?.adjacent === true ? (comparator?.length ?? 0) : 0),
      end: m.index + whole.length,
      numberStart: m.index,
      comparison: comparisonOf(comparator, suffix, isRange),
      value: scale(v1, factor),
      valueMax: isRange && v2 !== null ? scale(v2, factor) : null,
      unit,
      hasComparator,
      isArticle:
        !isRange &&
        !hasComparator &&
        ((n1 === '一' && mult === undefined && !isMoney(unit)) ||
          (isChinese && unit === '个') ||
          /[“"「『]$/.test(text.slice(0, m.index))),
    });
  }
  PERCENT_WORDS_RE.lastIndex = 0;
  for (let m = PERCENT_WORDS_RE.exec(text); m !== null; m = PERCENT_WORDS_RE.exec(text)) {
    const value = parseNumberToken(m[1] ?? '');
    if (value === null) continue;
    const comparator = COMPARATOR_RE.exec(text.slice(0, m.index))?.[1];
    const tail = /^(及以上|以上|及以下|以下|以内|之内)/.exec(text.slice(m.index + m[0].length))?.[1];
    found.push({
      start: m.index - (comparator?.length ?? 0),
      end: m.index + m[0].length + (tail?.length ?? 0),
      numberStart: m.index,
      comparison: comparisonOf(comparator, tail, false),
      value,
      valueMax: null,
      unit: '%',
      hasComparator: comparator !== undefined || tail !== undefined,
      isArticle: false,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Money units: these also get `valueYuan`. */
export function isMoney(unit: IndicatorUnit): boolean {
  return unit === '元' || unit === '万元' || unit === '亿元';
}

const YUAN_FACTOR: Readonly<Partial<Record<IndicatorUnit, number>>> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** The amount in yuan for money units (1500 万元 → 15 000 000), else null. */
export function toYuan(value: number | null, unit: IndicatorUnit): number | null {
  const factor = YUAN_FACTOR[unit];
  if (value === null || factor === undefined) return null;
  return roundYuan(value * factor);
}
