import { ageOn } from '../identity/dates';
import {
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  isDisabilityCategory,
  isDisabilityGrade,
} from '../identity/disability';
import { RELATION_LABELS } from './facts';
import type { MemberFacts } from './facts';
import type { LocalizedText } from '../identity/result';

/** The zh column of a code → {zh, en} table (stored results and ledgers carry the zh words). */
export function zhLabels<K extends string>(table: Readonly<Record<K, LocalizedText>>): Record<K, string> {
  return Object.fromEntries(Object.entries<LocalizedText>(table).map(([k, t]) => [k, t.zh])) as Record<
    K,
    string
  >;
}

/** Rounds half away from zero to 2 decimals without binary drift (1.005 → 1.01). */
export function round2(n: number): number {
  const abs = Math.abs(n);
  // Fast path (the bulk re-evaluation calls this millions of times): away from a half-cent tie and for
  // amounts below 2^31 fen, abs × 100 rounds to the same integer as the exact decimal shift below, and
  // r / 100 is the same double as parsing "r e-2" (both are the correctly rounded value of r / 100).
  const x = abs * 100;
  if (x < 2147483648 && Math.abs(x - Math.trunc(x) - 0.5) > 1e-5) {
    const out = Math.round(x) / 100;
    return n < 0 ? -out : out;
  }
  const r = Number(`${Math.round(Number(`${abs}e2`))}e-2`);
  const out = Number.isFinite(r) ? r : Math.round(abs * 100) / 100;
  return n < 0 ? -out : out;
}

/** Money compared in whole fen, so 0.1 + 0.2 never decides a threshold. */
export function fen(n: number): number {
  return Math.round(round2(n) * 100);
}

/** Groups the integer part with commas; `fixed2` keeps exactly 2 decimals when there is a fraction. */
function group(n: number, fixed2: boolean): string {
  const r = round2(n);
  const sign = r < 0 ? '-' : '';
  const abs = Math.abs(r);
  const text = Number.isInteger(abs) ? String(abs) : fixed2 ? abs.toFixed(2) : String(abs);
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const dec = dot < 0 ? '' : text.slice(dot);
  if (int.length <= 3 || !Number.isFinite(abs) || abs >= 1e21) return sign + int + dec;
  let out = int.slice(0, ((int.length - 1) % 3) + 1);
  for (let i = out.length; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return sign + out + dec;
}

/** Thousands separators, up to 2 decimals, no trailing zeros (34.9 → "34.9", 1.5 → "1.5"); locale-independent. */
export function formatNumber(n: number): string {
  return group(n, false);
}

/** Money: thousands separators, whole yuan without decimals, otherwise 2 (5230 → "5,230", 5230.5 → "5,230.50"). */
export function formatYuan(n: number): string {
  return group(n, true);
}

/** A share as a percentage with up to one decimal (0.3 → "30%", 0.375 → "37.5%"). */
export function formatPercent(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return `${String(v)}%`;
}

/** Names a member the way explanations may: relation and age, never a name or ID number (privacy). */
export function describeMember(m: MemberFacts, asOf: string): { zh: string; en: string } {
  const age = ageOn(m.birthDate, asOf);
  if (m.relation && m.relation !== 'other') {
    return { zh: `${RELATION_LABELS[m.relation]}，${age}岁`, en: `${m.relation}, age ${age}` };
  }
  return { zh: `${age}岁`, en: `age ${age}` };
}

/** "肢体残疾二级" from a category/grade pair. */
export function disabilityLabel(d: { category: number; grade: number }): { zh: string; en: string } {
  if (!isDisabilityCategory(d.category) || !isDisabilityGrade(d.grade)) {
    return { zh: '残疾', en: 'disability' };
  }
  const c = DISABILITY_CATEGORIES[d.category];
  const g = DISABILITY_GRADES[d.grade];
  return { zh: `${c.zh}${g.zh}`, en: `${c.en} disability, ${g.en}` };
}
