import { describe, expect, it } from 'vitest';
import { normalizeForMatching, sourceSlice, toHalfWidth } from './normalize';
import { parseChineseInteger, parseNumberToken } from './numbers';

describe('parseChineseInteger', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千五百', 1500],
    ['十万', 100_000],
    ['一千五百万', 15_000_000],
    ['一万五千', 15_000],
    ['一亿五千万', 150_000_000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it('rejects non-numerals', () => {
    expect(parseChineseInteger('')).toBeNull();
    expect(parseChineseInteger('一达标')).toBeNull();
  });
});

describe('parseNumberToken', () => {
  it('reads Arabic and Chinese numbers', () => {
    expect(parseNumberToken('1500')).toBe(1500);
    expect(parseNumberToken('1.5')).toBe(1.5);
    expect(parseNumberToken('二十')).toBe(20);
  });
});

describe('normalizeForMatching', () => {
  it('converts full-width characters, drops spaces and thousands separators', () => {
    expect(normalizeForMatching('不少于　２０ 名,（一）１，５００万元').text).toBe('不少于20名,(一)1500万元');
    expect(normalizeForMatching('1–2 个').text).toBe('1-2个');
  });

  it('keeps a list comma that is not a thousands separator', () => {
    expect(normalizeForMatching('1,2次').text).toBe('1,2次');
  });

  it('maps normalised ranges back to the original text', () => {
    const source = '调研不少于 2 次;';
    const mapped = normalizeForMatching(source);
    const start = mapped.text.indexOf('不少于');
    expect(sourceSlice(mapped, source, start, start + '不少于2次'.length)).toBe('不少于 2 次');
  });

  it('toHalfWidth preserves length', () => {
    expect(toHalfWidth('（一）１．')).toBe('(一)1.');
  });
});
