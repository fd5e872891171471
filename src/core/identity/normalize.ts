/** Characters that Excel, WeChat and Word paste into cells but are invisible to a clerk. */
const INVISIBLE = /[\s\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

/** Full-width ASCII block (！ … ～): Chinese IMEs type digits and letters here. */
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** Any character that normalizeDigits changes: INVISIBLE, FULL_WIDTH or a lower-case x. */
const NEEDS_NORMALIZING =
  /[\s\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\uff01-\uff5ex]/;

/**
 * Folds full-width digits/letters to half-width, strips every kind of space (incl. 全角空格, NBSP,
 * zero-width) and uppercases `x`, so the same ID typed on a phone or in Excel compares equal.
 */
export function normalizeDigits(s: string): string {
  // Most cells need nothing: one test instead of three replaces (a ledger import calls this ~10× a row).
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return s
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(INVISIBLE, '')
    .replace(/x/g, 'X');
}
