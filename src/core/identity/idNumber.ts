import { ageOn, compareIsoDate, formatIsoDate, isValidYmd, parseLooseDate, todayIso } from './dates';
import { normalizeDigits } from './normalize';
import { err, ok } from './result';
import type { Err, Result } from './result';
import { isProvinceCode } from '../region/provinces';

/** GB 11643 weights for the first 17 characters. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643 check characters indexed by Σ aᵢ·Wᵢ mod 11. */
const CHECK_CHARS = '10X98765432';

/** Machine codes an importer can map to a column hint. */
export type IdErrorCode =
  | 'id.empty'
  | 'id.type'
  | 'id.length'
  | 'id.chars'
  | 'id.checksum'
  | 'id.province'
  | 'id.birthDate'
  | 'id.birthDateFuture'
  | 'id.age'
  | 'id.numericPrecisionLost';

/** Error branch of ID parsing; the message never repeats the number (privacy rule). */
export type IdError = Err<IdErrorCode>;

/** Sex as derived from the sequence code (odd = male). */
export type Sex = 'male' | 'female';

/** What an ID number tells us, so birth date and sex are entered once and derived everywhere. */
export interface IdNumberInfo {
  /** 18-character form (legacy numbers upgraded), uppercase X. */
  normalized: string;
  birthDate: string;
  sex: Sex;
  /** 6-digit address code at issue time; may be retired (e.g. 340208, 340221) and that is fine. */
  addressCode: string;
  upgradedFrom15?: boolean;
}

/** Options for parsing; `asOf` makes future-date and age checks reproducible. */
export interface ParseIdOptions {
  asOf?: string;
  maxAge?: number;
}

const PRECISION_LOST = err(
  'id.numericPrecisionLost',
  '身份证号被存为数字，精度已丢失；请将该列设为文本后重新录入',
  'The ID number was stored as a number and has lost precision; set the column to text and re-enter it.',
);

/** Computes the GB 11643 check character for the first 17 digits. */
export function computeCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeCheckChar: 需要 17 位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Upgrades a legacy 15-digit number (YYMMDD, always 19xx) to 18 characters with its check char. */
export function upgradeLegacyIdNumber(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('upgradeLegacyIdNumber: 需要 15 位数字');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + computeCheckChar(first17);
}

/**
 * Detects an ID that passed through Excel as a number (3.40221199001011e17, an unsafe integer, "3.40221E+17",
 * or the 15-significant-digit "…000" tail that no longer checksums), which can never be repaired.
 */
export function detectPrecisionLoss(value: unknown): IdError | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Number.isSafeInteger(value) && Math.abs(value) >= 1e14
      ? PRECISION_LOST
      : null;
  }
  if (typeof value !== 'string') return null;
  const s = normalizeDigits(value).replace(/^'/, '');
  if (/^[+-]?\d+(\.\d+)?E[+-]?\d+$/i.test(s)) return PRECISION_LOST;
  if (/^\d{15}000$/.test(s) && computeCheckChar(s.slice(0, 17)) !== '0') return PRECISION_LOST;
  return null;
}

/** Turns whatever an import cell held into a candidate string, or an error when no string can be trusted. */
function toCandidate(input: unknown): Result<string, IdErrorCode> {
  const lost = detectPrecisionLoss(input);
  if (lost) return lost;
  if (input === null || input === undefined)
    return err('id.empty', '身份证号为空', 'The ID number is empty.');
  if (typeof input === 'number' || typeof input === 'bigint') return ok(String(input));
  if (typeof input !== 'string') {
    return err('id.type', '身份证号应为文本', 'The ID number must be text.');
  }
  // A leading apostrophe is how Excel users force text; it is not part of the number.
  const s = normalizeDigits(input).replace(/^'/, '');
  if (s === '') return err('id.empty', '身份证号为空', 'The ID number is empty.');
  return ok(s);
}

/**
 * Parses and validates a resident ID number (GB 11643): 18 characters or legacy 15 digits, check character,
 * real and non-future birth date, age ≤ maxAge, plausible province. Address codes are never looked up,
 * because retired codes (Wuhu 340208, 340221 in 2020) stay on valid cards.
 */
export function parseIdNumber(input: unknown, opts: ParseIdOptions = {}): Result<IdNumberInfo, IdErrorCode> {
  const cand = toCandidate(input);
  if (!cand.ok) return cand;
  const s = cand.value;
  if (!/^\d+X?$/.test(s)) {
    return err(
      'id.chars',
      '身份证号只能由数字组成，最后一位可以是 X',
      'An ID number may contain only digits, with an optional final X.',
    );
  }
  if (s.length !== 18 && s.length !== 15) {
    return err(
      'id.length',
      '身份证号应为 18 位（旧版 15 位）',
      'An ID number has 18 characters (legacy: 15).',
    );
  }
  if (s.length === 15 && s.endsWith('X')) {
    return err(
      'id.chars',
      '15 位旧身份证号只能由数字组成',
      'A legacy 15-digit ID number contains only digits.',
    );
  }
  const upgradedFrom15 = s.length === 15;
  const full = upgradedFrom15 ? upgradeLegacyIdNumber(s) : s;

  if (!upgradedFrom15 && computeCheckChar(full.slice(0, 17)) !== full[17]) {
    if (detectPrecisionLoss(full)) return PRECISION_LOST;
    return err(
      'id.checksum',
      '身份证号校验位不正确，请核对是否录错',
      'The check character of the ID number is wrong; please check for a typing error.',
    );
  }
  if (!isProvinceCode(full.slice(0, 2))) {
    return err(
      'id.province',
      '身份证号前两位不是有效的省级代码',
      'The first two digits of the ID number are not a valid province code.',
    );
  }
  const year = Number(full.slice(6, 10));
  const month = Number(full.slice(10, 12));
  const day = Number(full.slice(12, 14));
  if (!isValidYmd(year, month, day)) {
    return err(
      'id.birthDate',
      '身份证号中的出生日期不存在',
      'The birth date in the ID number is not a real date.',
    );
  }
  const birthDate = formatIsoDate({ year, month, day });
  const asOf = opts.asOf ?? todayIso();
  if (compareIsoDate(birthDate, asOf) > 0) {
    return err(
      'id.birthDateFuture',
      '身份证号中的出生日期晚于今天',
      'The birth date in the ID number is in the future.',
    );
  }
  const maxAge = opts.maxAge ?? 130;
  if (ageOn(birthDate, asOf) > maxAge) {
    return err(
      'id.age',
      `身份证号对应年龄超过 ${maxAge} 岁，请核对`,
      `The ID number implies an age above ${maxAge}; please check it.`,
    );
  }
  const sequenceDigit = Number(full[16]);
  const info: IdNumberInfo = {
    normalized: full,
    birthDate,
    sex: sequenceDigit % 2 === 1 ? 'male' : 'female',
    addressCode: full.slice(0, 6),
  };
  if (upgradedFrom15) info.upgradedFrom15 = true;
  return ok(info);
}

/** Convenience predicate for form validation. */
export function isValidIdNumber(input: unknown, opts?: ParseIdOptions): boolean {
  return parseIdNumber(input, opts).ok;
}

/** A difference between what the ID number says and what an imported row says. */
export interface IdPersonMismatch {
  field: 'birthDate' | 'sex';
  code: 'person.birthDateMismatch' | 'person.birthDateInvalid' | 'person.sexMismatch' | 'person.sexInvalid';
  message: { zh: string; en: string };
}

/** Sex spellings seen in ledgers. */
function parseSex(s: string): Sex | null {
  const t = s.trim().toLowerCase();
  if (['male', 'm', '男', '1'].includes(t)) return 'male';
  if (['female', 'f', '女', '2'].includes(t)) return 'female';
  return null;
}

/**
 * Compares birth date / sex columns of an imported row with the values derived from the ID number, so a
 * mismatch becomes a warning instead of two silently conflicting truths ("enter once, derive everywhere").
 */
export function crossCheckIdWithPerson(
  parsed: IdNumberInfo,
  person: { birthDate?: string | null; sex?: string | null },
): IdPersonMismatch[] {
  const out: IdPersonMismatch[] = [];
  if (person.birthDate !== undefined && person.birthDate !== null && person.birthDate.trim() !== '') {
    const given = parseLooseDate(person.birthDate);
    if (given === null) {
      out.push({
        field: 'birthDate',
        code: 'person.birthDateInvalid',
        message: { zh: '出生日期格式无法识别', en: 'The birth date could not be read.' },
      });
    } else if (given !== parsed.birthDate) {
      out.push({
        field: 'birthDate',
        code: 'person.birthDateMismatch',
        message: {
          zh: '出生日期与身份证号不一致',
          en: 'The birth date does not match the ID number.',
        },
      });
    }
  }
  if (person.sex !== undefined && person.sex !== null && person.sex.trim() !== '') {
    const given = parseSex(person.sex);
    if (given === null) {
      out.push({
        field: 'sex',
        code: 'person.sexInvalid',
        message: { zh: '性别无法识别（应为 男/女）', en: 'The sex could not be read (expected 男/女).' },
      });
    } else if (given !== parsed.sex) {
      out.push({
        field: 'sex',
        code: 'person.sexMismatch',
        message: { zh: '性别与身份证号不一致', en: 'The sex does not match the ID number.' },
      });
    }
  }
  return out;
}
