import { describe, expect, it } from 'vitest';
import { parseDivisionCode } from './divisionCode';
import type { DivisionInfo } from './divisionCode';
import { ancestorsOf, countyCodeOf, isAncestorOrSelf, regionKindLabel, validateChild } from './hierarchy';

function parsed(code: string): DivisionInfo {
  const r = parseDivisionCode(code);
  if (!r.ok) throw new Error(`expected ok for ${code}, got ${r.code}`);
  return r.value;
}
function errorCode(code: string | number): string {
  const r = parseDivisionCode(code);
  return r.ok ? 'ok' : r.code;
}

describe('parseDivisionCode levels', () => {
  it('derives each level from trailing zeros', () => {
    expect(parsed('340000000000')).toMatchObject({
      level: 'province',
      parentCode: null,
      provinceCode: '340000000000',
      prefectureCode: null,
      countyCode: null,
    });
    expect(parsed('340200000000')).toMatchObject({
      level: 'prefecture',
      parentCode: '340000000000',
      countyCode: null,
    });
    expect(parsed('340209000000')).toMatchObject({
      level: 'county',
      parentCode: '340200000000',
      countyCode: '340209000000',
    });
    expect(parsed('340209001000')).toMatchObject({
      level: 'town',
      townKind: 'street',
      parentCode: '340209000000',
      countyCode: '340209000000',
    });
    expect(parsed('340209101201')).toMatchObject({
      level: 'village',
      townKind: 'town',
      villageKind: 'village',
      parentCode: '340209101000',
      provinceCode: '340000000000',
      prefectureCode: '340200000000',
      countyCode: '340209000000',
    });
  });

  it('accepts full-width digits, spaces and numbers', () => {
    expect(parsed('３４０２０９ ００１ ００２').code).toBe('340209001002');
    expect(errorCode(340209001002)).toBe('ok');
  });

  it('accepts towns under a prefecture-level city without counties (东莞)', () => {
    expect(parsed('441900003000')).toMatchObject({ level: 'town', parentCode: '441900000000' });
    expect(parsed('441900003001')).toMatchObject({ level: 'village', parentCode: '441900003000' });
  });
});

describe('parseDivisionCode town segment boundaries', () => {
  it.each([
    ['340209001000', 'street'],
    ['340209099000', 'street'],
    ['340209100000', 'town'],
    ['340209199000', 'town'],
    ['340209200000', 'township'],
    ['340209399000', 'township'],
  ])('%s → %s', (code, kind) => {
    expect(parsed(code).townKind).toBe(kind);
  });
  it('rejects 400–999 at town level', () => {
    expect(errorCode('340209400000')).toBe('region.townSegment');
    expect(errorCode('340209999000')).toBe('region.townSegment');
    expect(errorCode('340209400001')).toBe('region.townSegment');
  });
});

describe('parseDivisionCode village segment boundaries', () => {
  it.each([
    ['340209001001', 'community'],
    ['340209001199', 'community'],
    ['340209001200', 'village'],
    ['340209001399', 'village'],
  ])('%s → %s', (code, kind) => {
    expect(parsed(code).villageKind).toBe(kind);
  });
  it('rejects 400–999 at village level', () => {
    expect(errorCode('340209001400')).toBe('region.villageSegment');
    expect(errorCode('340209001999')).toBe('region.villageSegment');
  });
});

describe('parseDivisionCode structural errors', () => {
  it('rejects non-12-digit input', () => {
    expect(errorCode('340209')).toBe('region.format');
    expect(errorCode('3402090010001')).toBe('region.format');
    expect(errorCode('34020900100A')).toBe('region.format');
    expect(errorCode('')).toBe('region.empty');
  });
  it('rejects unknown provinces', () => {
    expect(errorCode('100000000000')).toBe('region.province');
    expect(errorCode('990000000000')).toBe('region.province');
  });
  it('rejects a village without a town and segments under a missing prefecture', () => {
    expect(errorCode('340209000001')).toBe('region.villageWithoutTown');
    expect(errorCode('340009000000')).toBe('region.missingPrefecture');
    expect(errorCode('340000001000')).toBe('region.missingPrefecture');
  });
});

describe('hierarchy helpers', () => {
  it('ancestorsOf lists province down to parent', () => {
    expect(ancestorsOf('340209101201')).toEqual([
      '340000000000',
      '340200000000',
      '340209000000',
      '340209101000',
    ]);
    expect(ancestorsOf('340000000000')).toEqual([]);
    expect(ancestorsOf('bad')).toEqual([]);
  });
  it('isAncestorOrSelf', () => {
    expect(isAncestorOrSelf('340209000000', '340209101201')).toBe(true);
    expect(isAncestorOrSelf('340209101201', '340209101201')).toBe(true);
    expect(isAncestorOrSelf('340210000000', '340209101201')).toBe(false);
    expect(isAncestorOrSelf('340209101201', '340209000000')).toBe(false);
    expect(isAncestorOrSelf('x', '340209000000')).toBe(false);
  });
  it('countyCodeOf pads the 6-digit prefix', () => {
    expect(countyCodeOf('340209101201')).toBe('340209000000');
    expect(countyCodeOf('340209000000')).toBe('340209000000');
    expect(countyCodeOf('340200000000')).toBeNull();
    expect(countyCodeOf('oops')).toBeNull();
  });
  it('regionKindLabel gives 街道/镇/乡/社区/村', () => {
    expect(regionKindLabel(parsed('340209001000'))).toBe('街道');
    expect(regionKindLabel(parsed('340209100000'))).toBe('镇');
    expect(regionKindLabel(parsed('340209200000'))).toBe('乡');
    expect(regionKindLabel(parsed('340209001001'))).toBe('社区');
    expect(regionKindLabel(parsed('340209001200'))).toBe('村');
    expect(regionKindLabel(parsed('340209000000'))).toBe('县级');
  });
  it('validateChild requires next level down and inside', () => {
    expect(validateChild('340209001000', '340209001201').ok).toBe(true);
    expect(validateChild('340200000000', '340209000000').ok).toBe(true);
    expect(validateChild('441900000000', '441900003000').ok).toBe(true);
    const skip = validateChild('340209000000', '340209001201');
    expect(skip.ok ? 'ok' : skip.code).toBe('region.notNextLevel');
    const outside = validateChild('340210001000', '340209001201');
    expect(outside.ok ? 'ok' : outside.code).toBe('region.notInside');
    const up = validateChild('340209001201', '340209001000');
    expect(up.ok ? 'ok' : up.code).toBe('region.notInside');
    const bad = validateChild('340209001000', '340209001400');
    expect(bad.ok ? 'ok' : bad.code).toBe('region.villageSegment');
  });
});
