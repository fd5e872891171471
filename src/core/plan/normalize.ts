/**
 * Text normalisation for matching, with a map back to the original text.
 *
 * Pasted plans mix full-width and half-width characters ("２０名", "（一）"), stray spaces
 * ("不少于 2 次", "XX 县") and dash variants ("1–2"). Matching runs on a normalised copy, but
 * everything shown to a person (clause text, `sourceText`) is cut from the ORIGINAL text, so the
 * draft reads exactly like the pasted document when someone confirms it.
 */

/** A normalised string plus, for each of its characters, the index of the source character. */
export interface MappedText {
  readonly text: string;
  /** `map[i]` is the index in the source of `text[i]`; `map[text.length]` is the source length. */
  readonly map: readonly number[];
}

const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);

/** Full-width ASCII (U+FF01–U+FF5E) → half-width; ideographic space → space; dashes → '-'. */
export function toHalfWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  if (DASHES.has(ch)) return '-';
  if (ch === '\u301c') return '~';
  return ch;
}

/** Length-preserving half-width conversion (used to detect headings like "（一）" or "１．"). */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) out += ch.length === 1 ? toHalfWidthChar(ch) : ch;
  return out;
}

/**
 * Normalise for matching: half-width characters, no whitespace at all, and no thousands separators
 * ("1,500万元" → "1500万元"). Chinese text has no word spaces, so dropping them is safe.
 */
export function normalizeForMatching(source: string): MappedText {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = toHalfWidthChar(source.charAt(i));
    if (/\s/.test(ch)) continue;
    chars.push(ch);
    map.push(i);
  }
  // Drop a comma between a digit and exactly three digits (thousands separator).
  const text: string[] = [];
  const finalMap: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (ch === ',' && isThousandsComma(chars, i)) continue;
    text.push(ch);
    finalMap.push(map[i] ?? 0);
  }
  finalMap.push(source.length);
  return { text: text.join(''), map: finalMap };
}

function isThousandsComma(chars: readonly string[], i: number): boolean {
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  return (
    isDigit(chars[i - 1]) &&
    isDigit(chars[i + 1]) &&
    isDigit(chars[i + 2]) &&
    isDigit(chars[i + 3]) &&
    !isDigit(chars[i + 4])
  );
}

/** The original text behind the normalised range `[start, end)`. */
export function sourceSlice(mapped: MappedText, source: string, start: number, end: number): string {
  if (end <= start) return '';
  const from = mapped.map[start] ?? source.length;
  const to = (mapped.map[end - 1] ?? source.length - 1) + 1;
  return source.slice(from, to);
}
