/**
 * Quantitative indicators of one clause: "不少于2次", "1500万元 … 3月底前", "各2名"….
 *
 * Works sentence by sentence (split at 。!?;) and, inside a sentence, fragment by fragment (split at
 * , and :), on a normalised copy of the text; everything shown to a person is cut from the original.
 */
import type { Deadline, ExtractedIndicator, IndicatorPer } from './plan.schemas';
import { findDeadlines, type DeadlineMatch } from './deadline';
import { deriveNames } from './names';
import { normalizeForMatching, sourceSlice } from './normalize';
import { findQuantities, toYuan, type QuantityMatch } from './quantity';

export interface ExtractIndicatorsOptions {
  /**
   * The plan year. Figures tied to an earlier year ("2019年投入资金1200万元") are achievements,
   * not targets, and are skipped.
   */
  readonly year?: number | null;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Split `[0, text.length)` at separator characters (the separators belong to no span). */
function splitSpans(text: string, separators: RegExp, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || separators.test(text.charAt(i))) {
      if (i > start) spans.push({ start: start + offset, end: i + offset });
      start = i + 1;
    }
  }
  return spans;
}

const contains = (span: Span, index: number): boolean => index >= span.start && index < span.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** `text[start, end)` without the deadline phrases inside it. */
function textWithout(text: string, start: number, end: number, deadlines: readonly DeadlineMatch[]): string {
  let out = '';
  for (let i = start; i < end; i++) {
    if (!deadlines.some((d) => contains(d, i))) out += text.charAt(i);
  }
  return out;
}

/**
 * Achievements are not targets: "已完成…", "已投入…", "截至目前…", "去年…", or a figure tied to a
 * year before the plan year. ("已脱贫户" is a category of household, not past tense.)
 */
function isAchievement(fragmentBefore: string, sentenceBefore: string, year: number | null): boolean {
  if (/已(?!脱贫|建档|退出|纳入)/.test(fragmentBefore)) return true;
  if (/截[至止]|去年|上年|上一年|过去/.test(sentenceBefore)) return true;
  if (year === null) return false;
  for (const m of fragmentBefore.matchAll(/(\d{4})年/g)) {
    if (Number(m[1]) < year) return true;
  }
  return false;
}

const STRIP_LEAD_RE = /^(?:并且|并|同时|且|要|其中)+/;
const PER_AT_START: readonly [RegExp, IndicatorPer][] = [
  [/^(?:各|每个?|所有)?(?:镇\(街道?\)|镇街|镇、街道?|乡镇|镇|街道)/, 'town'],
  [/^(?:(?:各|每个?|所有)(?:行政)?(?:村|社区)|村\(社区\))/, 'village'],
  [/^(?:(?:各|每个?|所有)(?:成员|帮扶|责任|结对|区直)?(?:单位|部门)|(?:[^,]*领导小组)?成员单位各)/, 'unit'],
];

/**
 * Whom the target is for. "镇(街)…主要负责同志…不少于1次" is a target for each town/street (R1);
 * "各成员单位…" for each member unit (R2, R13); "人均…"/"户均…" per person/household.
 * Looks at the number's fragment, then at the start of earlier fragments of the sentence.
 */
function perOf(fragmentTexts: readonly string[], fragmentBefore: string): IndicatorPer | null {
  if (/人均|每人/.test(fragmentBefore)) return 'person';
  if (/户均|每户/.test(fragmentBefore)) return 'household';
  for (let i = fragmentTexts.length - 1; i >= 0; i--) {
    const text = (fragmentTexts[i] ?? '').replace(STRIP_LEAD_RE, '');
    for (const [re, per] of PER_AT_START) if (re.test(text)) return per;
  }
  return null;
}

/**
 * The deadline of a quantity: one in its own fragment (nearest); else one in a following fragment
 * that states no target of its own ("…1500万元,并在3月底前拨付到位", R3); else one in a preceding
 * such fragment ("年底前,建成…不少于5个").
 */
function deadlineOf(
  quantity: QuantityMatch,
  index: number,
  fragments: readonly Span[],
  deadlines: readonly DeadlineMatch[],
  quantities: readonly QuantityMatch[],
): Deadline | null {
  const own = fragments[index];
  if (own === undefined) return null;
  const inOwn = deadlines.filter((d) => overlaps(d, own));
  if (inOwn.length > 0) {
    const distance = (d: DeadlineMatch): number =>
      d.end <= quantity.start ? quantity.start - d.end : Math.max(0, d.start - quantity.end);
    return [...inOwn].sort((a, b) => distance(a) - distance(b))[0]?.deadline ?? null;
  }
  const search = (from: number, step: number): Deadline | null => {
    for (let i = from; i >= 0 && i < fragments.length; i += step) {
      const fragment = fragments[i];
      if (fragment === undefined || quantities.some((q) => contains(fragment, q.numberStart))) return null;
      const found = deadlines.find((d) => overlaps(d, fragment));
      if (found !== undefined) return found.deadline;
    }
    return null;
  };
  return search(index + 1, 1) ?? search(index - 1, -1);
}

/** Every quantitative target stated in `text` (a clause, or any run of sentences). */
export function extractIndicators(
  text: string,
  options: ExtractIndicatorsOptions = {},
): ExtractedIndicator[] {
  const year = options.year ?? null;
  const mapped = normalizeForMatching(text);
  const norm = mapped.text;
  const indicators: ExtractedIndicator[] = [];

  for (const sentenceSpan of splitSpans(norm, /[。!?;]/)) {
    const sentence = norm.slice(sentenceSpan.start, sentenceSpan.end);
    const at = (span: Span): string => sentence.slice(span.start, span.end);
    const fragments = splitSpans(sentence, /[,:]/);
    const deadlines = findDeadlines(sentence);
    const quantities = findQuantities(sentence).filter(
      (q) => !q.isArticle && !deadlines.some((d) => contains(d, q.numberStart)),
    );
    const sourceText = sourceSlice(mapped, text, sentenceSpan.start, sentenceSpan.end).trim();

    for (const quantity of quantities) {
      const index = fragments.findIndex((f) => contains(f, quantity.numberStart));
      const fragment = fragments[index];
      if (fragment === undefined) continue;
      const fragmentBefore = sentence.slice(fragment.start, quantity.start);
      if (isAchievement(fragmentBefore, sentence.slice(0, quantity.start), year)) continue;

      const next = fragments[index + 1];
      const previous = fragments[index - 1];
      const names = deriveNames({
        before: textWithout(sentence, fragment.start, quantity.start, deadlines),
        after: sentence.slice(quantity.end, fragment.end),
        next: next === undefined ? null : textWithout(sentence, next.start, next.end, deadlines),
        previous: previous === undefined ? null : at(previous),
        unit: quantity.unit,
      });
      const per = perOf([...fragments.slice(0, index).map(at), fragmentBefore], fragmentBefore);
      const deadline = deadlineOf(quantity, index, fragments, deadlines, quantities);
      const quantityText = sourceSlice(
        mapped,
        text,
        sentenceSpan.start + quantity.start,
        sentenceSpan.start + quantity.end,
      );
      for (const { name, group } of names) {
        indicators.push({
          name,
          comparison: quantity.comparison,
          value: quantity.value,
          valueMax: quantity.valueMax,
          unit: quantity.unit,
          valueYuan: toYuan(quantity.value, quantity.unit),
          valueMaxYuan: toYuan(quantity.valueMax, quantity.unit),
          deadline,
          per: group === null ? per : null,
          group,
          sourceText,
          quantityText,
        });
      }
    }
  }
  return indicators;
}
