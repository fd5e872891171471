import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { normalizeDigits } from './normalize';

// The three replaces normalizeDigits applies, without its shortcut for strings that need none.
const reference = (s: string) =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g, '')
    .replace(/x/g, 'X');

describe('normalizeDigits', () => {
  it('folds full-width digits, strips invisible spaces and uppercases x', () => {
    expect(normalizeDigits('１１０１０５\u3000１９４９１００１\u200b００１x')).toBe('11010519491001001X');
    expect(normalizeDigits('110105194910010011')).toBe('110105194910010011');
  });

  it('agrees with the plain replaces on random strings (its shortcut skips nothing it should change)', () => {
    const alphabet = [
      ...'0123456789Xx-张',
      ...'\t\n\r\v\f \u00a0\u1680\u180e\u2000\u2005\u200a\u200b\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff',
      '\uff01',
      '\uff10',
      '\uff38',
      '\uff58',
      '\uff5e',
      '\uff5f',
    ];
    const rng = mulberry32(3);
    for (let i = 0; i < 20_000; i++) {
      const n = Math.floor(rng() * 6);
      let s = '';
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rng() * alphabet.length)];
      // Mostly plain digits, as in a ledger, with the odd special character.
      const cell = rng() < 0.5 ? `11010519491001${s}` : s;
      expect(normalizeDigits(cell)).toBe(reference(cell));
    }
  });
});
