import { dayNumberToIsoDate, isIsoDate, isoDateToDayNumber } from './dates';
import { computeCheckChar } from './idNumber';
import type { Sex } from './idNumber';
import { pick, randomInt } from './random';
import type { Rng } from './random';
import { isProvinceCode } from '../region/provinces';

/**
 * Wuhu county-level codes incl. retired ones (340208, 340221…), the demo district's reality; demo data only.
 */
export const DEMO_ADDRESS_CODES: readonly string[] = [
  '340202',
  '340207',
  '340208',
  '340209',
  '340210',
  '340211',
  '340221',
  '340222',
  '340223',
];

/** Inputs of the synthetic generator; anything omitted is drawn from the rng. */
export interface SyntheticIdOptions {
  addressCode?: string;
  birthDate?: string;
  sex?: Sex;
}

/**
 * Produces a VALID synthetic 18-character ID number (correct check char, sex parity) deterministically from
 * the rng, so demo data and tests never need real people's numbers (Privacy: only synthetic data committed).
 */
export function makeSyntheticIdNumber(rng: Rng, opts: SyntheticIdOptions = {}): string {
  const addressCode = opts.addressCode ?? pick(rng, DEMO_ADDRESS_CODES);
  if (!/^\d{6}$/.test(addressCode) || !isProvinceCode(addressCode.slice(0, 2))) {
    throw new RangeError('makeSyntheticIdNumber: 地址码应为 6 位数字且前两位为省级代码');
  }
  const birthDate =
    opts.birthDate ??
    dayNumberToIsoDate(randomInt(rng, isoDateToDayNumber('1930-01-01'), isoDateToDayNumber('2019-12-31')));
  if (!isIsoDate(birthDate)) throw new RangeError('makeSyntheticIdNumber: 出生日期应为 YYYY-MM-DD');
  const sex = opts.sex ?? (rng() < 0.5 ? 'male' : 'female');
  // Odd sequence = male: 001, 003 … 999; even = female: 002 … 998 (000 is never issued).
  const sequence = sex === 'male' ? 2 * randomInt(rng, 0, 499) + 1 : 2 * randomInt(rng, 1, 499);
  const first17 = addressCode + birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + computeCheckChar(first17);
}
