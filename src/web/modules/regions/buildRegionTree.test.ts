import { describe, expect, it } from 'vitest';
import type { Region } from '../../../core/region/region.schemas';
import { buildRegionTree, filterRegionTree } from './buildRegionTree';
import { regionTreeOptions } from './regionTreeOptions';

function region(code: string, name: string, parentCode: string | null, sort = 0): Region {
  const level = parentCode === null ? 'county' : code.endsWith('000') ? 'town' : 'village';
  return { code, name, level, kindLabel: '', parentCode, tree: 'district', sort };
}

const county = region('349901000000', '示范区', null);
const townA = region('349901100000', '清水镇', county.code, 2);
const townB = region('349901001000', '城关街道', county.code, 1);
const village = region('349901100201', '桃港村', townA.code);

describe('buildRegionTree', () => {
  it('nests the flat list under its parents, siblings by sort then code', () => {
    const roots = buildRegionTree([village, townA, county, townB]);
    expect(roots.map((r) => r.key)).toEqual([county.code]);
    expect(roots[0]!.children.map((c) => c.region.name)).toEqual(['城关街道', '清水镇']);
    expect(roots[0]!.children[1]!.children.map((c) => c.key)).toEqual([village.code]);
  });

  it('makes a node whose parent is out of scope a root (a town user starts at its town)', () => {
    const roots = buildRegionTree([townA, village]);
    expect(roots.map((r) => r.key)).toEqual([townA.code]);
  });
});

describe('filterRegionTree', () => {
  it('keeps matches with their ancestors and expands the ancestors', () => {
    const { roots, expand } = filterRegionTree(buildRegionTree([county, townA, townB, village]), '桃港');
    expect(roots[0]!.children.map((c) => c.key)).toEqual([townA.code]);
    expect(expand.sort()).toEqual([county.code, townA.code].sort());
  });

  it('matches a code prefix', () => {
    const { roots } = filterRegionTree(buildRegionTree([county, townA, townB, village]), '349901001');
    expect(roots[0]!.children.map((c) => c.key)).toEqual([townB.code]);
  });

  it('returns the whole tree for an empty term', () => {
    const all = buildRegionTree([county, townA]);
    expect(filterRegionTree(all, '  ').roots).toEqual(all);
  });
});

describe('regionTreeOptions', () => {
  it('nests the flat list as options valued by code, in the regions’ order', () => {
    expect(regionTreeOptions([village, townA, county, townB])).toEqual([
      {
        value: county.code,
        title: '示范区',
        children: [
          { value: townB.code, title: '城关街道', children: undefined },
          {
            value: townA.code,
            title: '清水镇',
            children: [{ value: village.code, title: '桃港村', children: undefined }],
          },
        ],
      },
    ]);
  });

  it('leaves regions out first, so the towns become roots when the county is left out', () => {
    const options = regionTreeOptions([county, townA, townB, village], (r) => r.level !== 'county');
    expect(options.map((o) => o.title)).toEqual(['城关街道', '清水镇']);
    const inTownA = regionTreeOptions([county, townA, townB, village], (r) => r.code.startsWith('349901100'));
    expect(inTownA).toEqual([
      {
        value: townA.code,
        title: '清水镇',
        children: [{ value: village.code, title: '桃港村', children: undefined }],
      },
    ]);
  });
});
