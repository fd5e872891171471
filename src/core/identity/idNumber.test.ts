import { describe, expect, it } from 'vitest';
import {
  computeCheckChar,
  crossCheckIdWithPerson,
  detectPrecisionLoss,
  isValidIdNumber,
  parseIdNumber,
  upgradeLegacyIdNumber,
} from './idNumber';
import type { IdNumberInfo } from './idNumber';
import { normalizeDigits } from './normalize';

const asOf = '2020-11-07';
/** Appends the correct check character. */
const withCheck = (first17: string) => first17 + computeCheckChar(first17);
const VALID_MALE = withCheck('34020219900101123'); // sequence 123 → male
const VALID_FEMALE = withCheck('34020219851231124');

function expectOk(input: unknown): IdNumberInfo {
  const r = parseIdNumber(input, { asOf });
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
}
function expectCode(input: unknown, code: string, opts = { asOf }) {
  const r = parseIdNumber(input, opts);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    // Privacy: an error never repeats the number.
    const s = typeof input === 'string' ? normalizeDigits(input) : String(input);
    if (s.length >= 6) {
      expect(r.message.zh).not.toContain(s.slice(0, 6));
      expect(r.message.en).not.toContain(s.slice(0, 6));
    }
  }
}

describe('normalizeDigits', () => {
  it('folds full-width, strips all spaces, uppercases x', () => {
    expect(normalizeDigits('３４０２\u3000０２ 1990\u00a001\u200b01123ｘ')).toBe('34020219900101123X');
    expect(normalizeDigits('\ufeff 12x ')).toBe('12X');
  });
});

describe('computeCheckChar', () => {
  it('matches the GB 11643 published examples', () => {
    expect(computeCheckChar('11010519491231002')).toBe('X');
    expect(computeCheckChar('44052418800101001')).toBe('4');
  });
});

describe('parseIdNumber', () => {
  it('accepts a valid 18-character number and derives birth date, sex and address code', () => {
    const v = expectOk(VALID_MALE);
    expect(v).toEqual({
      normalized: VALID_MALE,
      birthDate: '1990-01-01',
      sex: 'male',
      addressCode: '340202',
    });
    expect(expectOk(VALID_FEMALE).sex).toBe('female');
  });

  it('accepts X and lowercase x as check character', () => {
    expect(expectOk('11010519491231002X').normalized).toBe('11010519491231002X');
    expect(expectOk('11010519491231002x').normalized).toBe('11010519491231002X');
    expect(expectOk('11010519491231002X').sex).toBe('female');
  });

  it('rejects a wrong check character', () => {
    const last = VALID_MALE.slice(-1);
    const wrong = VALID_MALE.slice(0, 17) + (last === '1' ? '2' : '1');
    expectCode(wrong, 'id.checksum');
    expectCode('110105194912310021', 'id.checksum');
  });

  it('upgrades a legacy 15-digit number', () => {
    const v = expectOk('340202900101123');
    expect(v.normalized).toBe(withCheck('34020219900101123'));
    expect(v.upgradedFrom15).toBe(true);
    expect(v.birthDate).toBe('1990-01-01');
    expect(v.sex).toBe('male');
    expect(upgradeLegacyIdNumber('340202900101123')).toBe(VALID_MALE);
  });

  it('rejects impossible dates (Feb 30, month 13) even with a correct check character', () => {
    expectCode(withCheck('34020219990230123'), 'id.birthDate');
    expectCode(withCheck('34020219991301123'), 'id.birthDate');
    expectCode('340202990230123', 'id.birthDate');
    expect(expectOk(withCheck('34020220000229123')).birthDate).toBe('2000-02-29');
    expectCode(withCheck('34020219000229123'), 'id.birthDate');
  });

  it('rejects future birth dates and ages above 130', () => {
    expectCode(withCheck('34020220201108123'), 'id.birthDateFuture');
    expect(expectOk(withCheck('34020220201107123')).birthDate).toBe('2020-11-07');
    expectCode('440524188001010014', 'id.age');
    expect(expectOk(withCheck('34020218891108123')).birthDate).toBe('1889-11-08'); // still 130
    expectCode(withCheck('34020218891107123'), 'id.age'); // turns 131 on asOf
  });

  it('accepts full-width digits and embedded spaces', () => {
    const fw = VALID_MALE.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(expectOk(fw).normalized).toBe(VALID_MALE);
    expect(
      expectOk(` ${VALID_MALE.slice(0, 6)} ${VALID_MALE.slice(6, 14)}\u3000${VALID_MALE.slice(14)} `)
        .normalized,
    ).toBe(VALID_MALE);
    expect(expectOk(`'${VALID_MALE}`).normalized).toBe(VALID_MALE);
  });

  it('never rejects retired Wuhu address codes 340208 and 340221', () => {
    expect(expectOk(withCheck('34020819800615201')).addressCode).toBe('340208');
    expect(expectOk(withCheck('34022119800615202')).addressCode).toBe('340221');
    expect(expectOk('340221800615202').addressCode).toBe('340221');
    // An address code that never existed still passes when the province is plausible.
    expect(expectOk(withCheck('34999919800615201')).addressCode).toBe('349999');
  });

  it('rejects implausible province prefixes', () => {
    expectCode(withCheck('10020219900101123'), 'id.province');
    expectCode(withCheck('99020219900101123'), 'id.province');
    expectCode(withCheck('16020219900101123'), 'id.province');
    expect(expectOk(withCheck('82020219900101123')).addressCode).toBe('820202');
  });

  it('reports length, characters and empty input', () => {
    expectCode(VALID_MALE.slice(0, 17), 'id.length');
    expectCode(`${VALID_MALE}1`, 'id.length');
    expectCode('34020219900101A234', 'id.chars');
    expectCode('3402021990X1011234', 'id.chars');
    expectCode('34020290010112X', 'id.chars');
    expectCode('', 'id.empty');
    expectCode('  ', 'id.empty');
    expectCode(null, 'id.empty');
    expectCode({}, 'id.type');
  });

  it('reports Excel precision loss for numbers, exponent strings and …000 tails', () => {
    expectCode(3.40221199001011e17, 'id.numericPrecisionLost');
    // The precision loss is the point: this is what Excel hands over for an ID typed as a number.
    // eslint-disable-next-line no-loss-of-precision
    expectCode(340202199001011234, 'id.numericPrecisionLost');
    expectCode('3.40221E+17', 'id.numericPrecisionLost');
    expectCode('3.40202199001011e17', 'id.numericPrecisionLost');
    const tail000 = '340202199001011000';
    if (computeCheckChar(tail000.slice(0, 17)) !== '0') expectCode(tail000, 'id.numericPrecisionLost');
    // A legacy 15-digit number is a safe integer: no loss.
    expect(expectOk(340202900101123).normalized).toBe(VALID_MALE);
  });

  it('isValidIdNumber mirrors parseIdNumber', () => {
    expect(isValidIdNumber(VALID_MALE, { asOf })).toBe(true);
    expect(isValidIdNumber('123', { asOf })).toBe(false);
  });
});

describe('detectPrecisionLoss', () => {
  it('flags unsafe integers and exponent notation with the clear message', () => {
    const e = detectPrecisionLoss(2 ** 53 + 2);
    expect(e?.code).toBe('id.numericPrecisionLost');
    expect(e?.message.zh).toBe('身份证号被存为数字，精度已丢失；请将该列设为文本后重新录入');
    expect(detectPrecisionLoss('3.40221E+17')?.code).toBe('id.numericPrecisionLost');
    expect(detectPrecisionLoss('３.４０２２１Ｅ＋１７')?.code).toBe('id.numericPrecisionLost');
  });
  it('leaves safe values alone', () => {
    expect(detectPrecisionLoss(340202900101123)).toBeNull();
    expect(detectPrecisionLoss(VALID_MALE)).toBeNull();
    expect(detectPrecisionLoss(withCheck('34020219900101100'))).toBeNull(); // valid even if it ends in 0s
    expect(detectPrecisionLoss(undefined)).toBeNull();
    expect(detectPrecisionLoss(12.5)).toBeNull();
  });
});

describe('crossCheckIdWithPerson', () => {
  const parsed = expectOk(VALID_MALE);
  it('returns no mismatch when columns agree (any common spelling)', () => {
    expect(crossCheckIdWithPerson(parsed, { birthDate: '1990-01-01', sex: '男' })).toEqual([]);
    expect(crossCheckIdWithPerson(parsed, { birthDate: '1990/1/1', sex: 'male' })).toEqual([]);
    expect(crossCheckIdWithPerson(parsed, { birthDate: '19900101' })).toEqual([]);
    expect(crossCheckIdWithPerson(parsed, { birthDate: '1990年1月1日', sex: '' })).toEqual([]);
    expect(crossCheckIdWithPerson(parsed, {})).toEqual([]);
  });
  it('lists mismatches without repeating personal data', () => {
    const m = crossCheckIdWithPerson(parsed, { birthDate: '1990-01-02', sex: '女' });
    expect(m.map((x) => x.code)).toEqual(['person.birthDateMismatch', 'person.sexMismatch']);
    expect(m[0]?.message.zh).toBe('出生日期与身份证号不一致');
    expect(JSON.stringify(m)).not.toContain('1990');
  });
  it('reports unreadable columns', () => {
    const m = crossCheckIdWithPerson(parsed, { birthDate: '1990-02-30', sex: '?' });
    expect(m.map((x) => x.code)).toEqual(['person.birthDateInvalid', 'person.sexInvalid']);
  });
});
