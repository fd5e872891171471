/**
 * Number parsing for plan text: Arabic digits and Chinese numerals (两次, 二十名, 一千五百万元).
 */

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may appear inside a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Parse a Chinese integer numeral such as "二十", "两", "一千五百", "十万", "一亿五千万".
 * Returns null when the string holds anything else.
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  let result = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = CN_SMALL_UNITS[ch];
    if (small !== undefined) {
      // "十" alone means 10 (十五 = 15), but "零" before it never occurs in valid numerals.
      section += (digit === 0 ? 1 : digit) * small;
      digit = 0;
      continue;
    }
    if (ch === '万') {
      result += (section + digit) * 1e4;
      section = 0;
      digit = 0;
      continue;
    }
    if (ch === '亿') {
      result = (result + section + digit) * 1e8;
      section = 0;
      digit = 0;
      continue;
    }
    return null;
  }
  return result + section + digit;
}

/** Parse an Arabic ("1500", "1.5") or Chinese ("一千五百") number token. */
export function parseNumberToken(token: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(token)) return Number(token);
  return parseChineseInteger(token);
}

/** Round to 2 decimals (fen) so that 1.15 万元 gives 11500 yuan, not 11499.999…. */
export function roundYuan(value: number): number {
  return Math.round(value * 100) / 100;
}
