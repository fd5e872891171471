import { describe, expect, it } from 'vitest';
import { deepDifficultyGroups } from './deepDifficulty';
import { ASOF, member } from './testFixtures';

const groupsOf = (r: ReturnType<typeof deepDifficultyGroups>, i: number) =>
  r.members[i]?.groups.map((g) => g.labelZh) ?? [];

describe('deepDifficultyGroups (R12)', () => {
  it('derives 失能, 重病, 重残, 特困 per member with reasons', () => {
    const r = deepDifficultyGroups([
      member({ labour: 'lost', health: 'serious' }),
      member({ relation: 'spouse', labour: 'none', disability: { category: 4, grade: 1 } }),
      member({ relation: 'son', disability: { category: 1, grade: 3 } }),
      member({ relation: 'father', health: 'serious', labour: 'weak' }),
      member({ relation: 'mother', specialHardship: true }),
      member({ relation: 'other', hasLegalSupporterAbleToSupport: false, key: 'k6' }),
      member({ relation: 'daughter', labour: 'none', disability: { category: 5, grade: 2 } }),
    ]);
    expect(groupsOf(r, 0)).toEqual(['失能', '重病']);
    expect(r.members[0]?.groups[0]?.reason.zh).toBe('丧失劳动力，且患有大病');
    expect(groupsOf(r, 1)).toEqual(['失能', '重残']);
    expect(r.members[1]?.groups[0]?.reason.zh).toBe('无劳动力，且肢体残疾一级');
    expect(r.members[1]?.groups[1]?.reason.zh).toBe('肢体残疾一级');
    expect(groupsOf(r, 2)).toEqual([]);
    expect(groupsOf(r, 3)).toEqual(['重病']);
    expect(r.members[4]?.groups[0]?.reason.zh).toBe('特困供养人员');
    expect(r.members[5]?.groups[0]?.reason.zh).toBe(
      '无法定赡养、抚养、扶养义务人，或其法定义务人无履行义务能力',
    );
    expect(r.members[5]?.key).toBe('k6');
    expect(groupsOf(r, 6)).toEqual(['失能', '重残']);
  });

  it('aggregates per household, naming members by relation and age only', () => {
    const r = deepDifficultyGroups(
      [
        member({ birthDate: '1950-01-01', labour: 'lost', health: 'serious' }),
        member({ relation: 'spouse', birthDate: '1952-06-01', disability: { category: 6, grade: 2 } }),
      ],
      { specialHardship: true },
      ASOF,
    );
    expect(r.household.map((g) => [g.labelZh, g.memberIndexes])).toEqual([
      ['失能', [0]],
      ['重病', [0]],
      ['重残', [1]],
      ['特困', []],
    ]);
    expect(r.household[0]?.reason.zh).toBe('1 名成员（户主，70岁：丧失劳动力，且患有大病）');
    expect(r.household[3]?.reason.zh).toBe('整户为特困供养户');
  });

  it('returns nothing for a household without deep difficulty', () => {
    const r = deepDifficultyGroups([
      member(),
      member({ health: 'chronic', disability: { category: 2, grade: 4 } }),
    ]);
    expect(r.household).toEqual([]);
    expect(r.members.every((m) => m.groups.length === 0)).toBe(true);
  });
});
