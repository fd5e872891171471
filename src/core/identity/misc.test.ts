import { describe, expect, it } from 'vitest';
import { ageOn, parseIsoDate, parseLooseDate } from './dates';
import { parseDisabilityCertificate } from './disability';
import { computeCheckChar, parseIdNumber } from './idNumber';
import { maskBankAccount, maskIdNumber, maskPhone } from './mask';
import { mulberry32, randomInt } from './random';
import { makeSyntheticIdNumber } from './synthetic';

const asOf = '2020-11-07';
const withCheck = (first17: string) => first17 + computeCheckChar(first17);
const ID = withCheck('34020219900101123');

describe('masking', () => {
  it('masks ID numbers as first 4 + * + last 4', () => {
    expect(maskIdNumber('34020219900101123X')).toBe('3402**********123X');
    expect(maskIdNumber('34020219900101123x')).toBe('3402**********123X');
    expect(maskIdNumber('340202900101123')).toBe('3402*******1123');
    expect(maskIdNumber(`${ID}41`)).toBe(`3402************${ID.slice(-2)}41`);
    expect(maskIdNumber('12345678')).toBe('********');
  });
  it('masks phone numbers as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('138****5678');
    expect(maskPhone('05531234567')).toBe('055****4567');
    expect(maskPhone('12345')).toBe('*****');
  });
  it('masks bank accounts keeping the last 4 digits', () => {
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('***************0123');
    expect(maskBankAccount('1234')).toBe('****');
  });
});

describe('parseDisabilityCertificate', () => {
  it('parses a valid 20-character number into ID, category and grade', () => {
    const r = parseDisabilityCertificate(`${ID}42`, { asOf });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id.normalized).toBe(ID);
    expect(r.value.category).toEqual({ code: 4, zh: '肢体残疾', en: 'physical' });
    expect(r.value.grade).toEqual({ code: 2, zh: '二级', en: 'grade 2' });
    expect(r.value.reissue).toBeUndefined();
  });
  it('accepts full-width input and a reissue marker', () => {
    const r = parseDisabilityCertificate(`${ID}７１B1`, { asOf });
    expect(r.ok && r.value.category.code === 7 && r.value.grade.code === 1 && r.value.reissue === 1).toBe(
      true,
    );
  });
  it('rejects category 8 / 0 and grade 5 / 0', () => {
    for (const [suffix, code] of [
      ['82', 'disability.category'],
      ['02', 'disability.category'],
      ['15', 'disability.grade'],
      ['10', 'disability.grade'],
      ['1X', 'disability.grade'],
    ] as const) {
      const r = parseDisabilityCertificate(`${ID}${suffix}`, { asOf });
      expect(r.ok ? 'ok' : r.code).toBe(code);
    }
  });
  it('rejects a bad embedded ID and a wrong length', () => {
    const bad = ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1');
    const r = parseDisabilityCertificate(`${bad}42`, { asOf });
    expect(r.ok ? 'ok' : r.code).toBe('id.checksum');
    const r2 = parseDisabilityCertificate(`${ID}4`, { asOf });
    expect(r2.ok ? 'ok' : r2.code).toBe('disability.length');
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and in [0,1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
  it('randomInt stays within bounds', () => {
    const r = mulberry32(1);
    for (let i = 0; i < 1000; i++) {
      const n = randomInt(r, 3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });
});

describe('makeSyntheticIdNumber', () => {
  it('always produces valid numbers (1000 seeds)', () => {
    for (let seed = 0; seed < 1000; seed++) {
      const id = makeSyntheticIdNumber(mulberry32(seed));
      const r = parseIdNumber(id, { asOf: '2020-12-31' });
      if (!r.ok) throw new Error(`seed ${seed}: ${r.code}`);
    }
  });
  it('honours address code, birth date and sex, deterministically', () => {
    for (let seed = 0; seed < 200; seed++) {
      const sex = seed % 2 ? 'male' : 'female';
      const id = makeSyntheticIdNumber(mulberry32(seed), {
        addressCode: '340208',
        birthDate: '1975-06-30',
        sex,
      });
      const r = parseIdNumber(id, { asOf });
      expect(
        r.ok && r.value.addressCode === '340208' && r.value.birthDate === '1975-06-30' && r.value.sex === sex,
      ).toBe(true);
      expect(
        makeSyntheticIdNumber(mulberry32(seed), { addressCode: '340208', birthDate: '1975-06-30', sex }),
      ).toBe(id);
    }
  });
  it('throws on invalid options', () => {
    expect(() => makeSyntheticIdNumber(mulberry32(1), { addressCode: '99' })).toThrow();
    expect(() => makeSyntheticIdNumber(mulberry32(1), { birthDate: '1990-02-30' })).toThrow();
  });
});

describe('dates', () => {
  it('computes age on a date, birthday inclusive', () => {
    expect(ageOn('2005-11-07', '2020-11-07')).toBe(15);
    expect(ageOn('2005-11-08', '2020-11-07')).toBe(14);
    expect(ageOn('2004-02-29', '2021-02-28')).toBe(16);
    expect(ageOn('2004-02-29', '2021-03-01')).toBe(17);
  });
  it('parses strict and loose dates', () => {
    expect(parseIsoDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseIsoDate('2019-02-29')).toBeNull();
    expect(parseLooseDate('2020.1.5')).toBe('2020-01-05');
    expect(parseLooseDate('hello')).toBeNull();
  });
});
