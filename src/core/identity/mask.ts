import { normalizeDigits } from './normalize';

/** Replaces every character of the middle with `*`, keeping `head` and `tail` characters visible. */
function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return '*'.repeat(s.length);
  return s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/** Masks an ID (or disability certificate) number for display: first 4 + `*` + last 4 (Privacy: masked by default). */
export function maskIdNumber(s: string): string {
  return keepEnds(normalizeDigits(s), 4, 4);
}

/** Masks a phone number as 138****5678 (first 3 + last 4 visible); short numbers are fully masked. */
export function maskPhone(s: string): string {
  const t = normalizeDigits(s).replace(/^\+?86(?=1\d{10}$)/, '');
  if (t.length < 8) return '*'.repeat(t.length);
  return keepEnds(t, 3, 4);
}

/** Masks a bank account, only the last 4 digits visible (the way banks print it; never in notices). */
export function maskBankAccount(s: string): string {
  const t = normalizeDigits(s).replace(/-/g, '');
  return keepEnds(t, 0, t.length > 4 ? 4 : 0);
}
