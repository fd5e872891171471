import { normalizeDigits } from '../identity/normalize';
import { err, ok } from '../identity/result';
import type { Result } from '../identity/result';
import { isProvinceCode } from './provinces';

/** Administrative level, derived from which segments of the 12-digit code are non-zero. */
export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'town' | 'village';
/** Town-level kind from the 3-digit town segment: 001–099 街道, 100–199 镇, 200–399 乡. */
export type TownKind = 'street' | 'town' | 'township';
/** Village-level kind from the 3-digit village segment: 001–199 居委会(社区), 200–399 村委会. */
export type VillageKind = 'community' | 'village';

/** Levels from top to bottom, so "next level down" is an index step. */
export const DIVISION_LEVELS: readonly DivisionLevel[] = [
  'province',
  'prefecture',
  'county',
  'town',
  'village',
];

/** Chinese level names for UI and messages. */
export const DIVISION_LEVEL_LABELS: Readonly<Record<DivisionLevel, string>> = {
  province: '省级',
  prefecture: '地级',
  county: '县级',
  town: '乡级',
  village: '村级',
};

/** Everything derivable from a division code, so no form asks the clerk for level, kind or parent. */
export interface DivisionInfo {
  code: string;
  level: DivisionLevel;
  townKind?: TownKind;
  villageKind?: VillageKind;
  /** Next level up (12 digits), null for a province. */
  parentCode: string | null;
  provinceCode: string;
  /** Prefecture (12 digits), null for a province. */
  prefectureCode: string | null;
  /** County-level key (6-digit prefix padded to 12), null above county level. */
  countyCode: string | null;
}

/** Machine codes of division-code errors. */
export type DivisionErrorCode =
  | 'region.empty'
  | 'region.format'
  | 'region.province'
  | 'region.missingPrefecture'
  | 'region.townSegment'
  | 'region.villageSegment'
  | 'region.villageWithoutTown';

/** Pads a prefix with zeros to 12 digits. */
function pad12(prefix: string): string {
  return prefix.padEnd(12, '0');
}

/** Town kind for a 3-digit segment value 1–399. */
function townKindOf(n: number): TownKind {
  return n < 100 ? 'street' : n < 200 ? 'town' : 'township';
}

/**
 * Parses a 12-digit statistical division code (province 2, prefecture 2, county 2, town 3, village 3) and
 * derives its level, kind and parents; rejects segments outside the documented ranges so a mistyped village
 * code never silently becomes a different level. Towns under a prefecture-level city without counties
 * (e.g. 东莞 4419, county segment 00) are accepted with the prefecture as parent.
 */
export function parseDivisionCode(input: string | number): Result<DivisionInfo, DivisionErrorCode> {
  const raw = typeof input === 'number' ? (Number.isSafeInteger(input) ? String(input) : '') : input;
  const s = normalizeDigits(raw);
  if (s === '') return err('region.empty', '行政区划代码为空', 'The division code is empty.');
  if (!/^\d{12}$/.test(s)) {
    return err('region.format', '行政区划代码应为 12 位数字', 'A division code has exactly 12 digits.');
  }
  const pp = s.slice(0, 2);
  const cc = s.slice(2, 4);
  const dd = s.slice(4, 6);
  const town = Number(s.slice(6, 9));
  const village = Number(s.slice(9, 12));
  if (!isProvinceCode(pp)) {
    return err(
      'region.province',
      '行政区划代码前两位不是有效的省级代码',
      'The first two digits are not a province code.',
    );
  }
  const provinceCode = pad12(pp);
  const prefectureCode = cc === '00' ? null : pad12(s.slice(0, 4));
  const countyCode = pad12(s.slice(0, 6));
  const countyParent = dd === '00' ? prefectureCode : countyCode;

  if (cc === '00' && (dd !== '00' || town !== 0 || village !== 0)) {
    return err(
      'region.missingPrefecture',
      '地级代码段为 00 时，其后各段必须为 0',
      'When the prefecture segment is 00, all following segments must be 0.',
    );
  }
  if (village !== 0 && town === 0) {
    return err(
      'region.villageWithoutTown',
      '村级代码必须隶属于某个乡级单位（乡级代码段不能为 000）',
      'A village-level code needs a town-level segment (it cannot be 000).',
    );
  }
  if (town >= 400) {
    return err(
      'region.townSegment',
      '乡级代码段应为 001–099（街道）、100–199（镇）或 200–399（乡）',
      'The town segment must be 001–099 (street), 100–199 (town) or 200–399 (township).',
    );
  }
  if (village >= 400) {
    return err(
      'region.villageSegment',
      '村级代码段应为 001–199（居委会/社区）或 200–399（村委会）',
      "The village segment must be 001–199 (residents' committee) or 200–399 (villagers' committee).",
    );
  }
  if (village !== 0) {
    return ok({
      code: s,
      level: 'village',
      townKind: townKindOf(town),
      villageKind: village < 200 ? 'community' : 'village',
      parentCode: pad12(s.slice(0, 9)),
      provinceCode,
      prefectureCode,
      countyCode,
    });
  }
  if (town !== 0) {
    return ok({
      code: s,
      level: 'town',
      townKind: townKindOf(town),
      parentCode: countyParent,
      provinceCode,
      prefectureCode,
      countyCode,
    });
  }
  if (dd !== '00') {
    return ok({
      code: s,
      level: 'county',
      parentCode: prefectureCode,
      provinceCode,
      prefectureCode,
      countyCode,
    });
  }
  if (prefectureCode !== null) {
    return ok({
      code: s,
      level: 'prefecture',
      parentCode: provinceCode,
      provinceCode,
      prefectureCode,
      countyCode: null,
    });
  }
  return ok({
    code: s,
    level: 'province',
    parentCode: null,
    provinceCode,
    prefectureCode: null,
    countyCode: null,
  });
}

/** Convenience predicate for form validation. */
export function isValidDivisionCode(input: string | number): boolean {
  return parseDivisionCode(input).ok;
}
