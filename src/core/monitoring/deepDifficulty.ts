import type { LocalizedText } from '../identity/result';
import { LABOUR_CAPACITY_LABELS, NO_LABOUR } from './facts';
import type { MemberFacts } from './facts';
import { describeMember, disabilityLabel, zhLabels } from './format';

/** R12 deep-difficulty groups: 失能, 重病, 重残, 特困 — each gets its own targeted measures. */
export type DeepDifficultyGroup = 'incapacitated' | 'seriouslyIll' | 'severelyDisabled' | 'specialHardship';

/** The groups' names in the plan's order (zh as the plan words them, en for English screens). */
export const DEEP_DIFFICULTY_TEXT: Readonly<Record<DeepDifficultyGroup, LocalizedText>> = {
  incapacitated: { zh: '失能', en: 'Incapacitated' },
  seriouslyIll: { zh: '重病', en: 'Seriously ill' },
  severelyDisabled: { zh: '重残', en: 'Severely disabled' },
  specialHardship: { zh: '特困', en: 'Special hardship' },
};

/** zh labels of the groups, in the plan's order. */
export const DEEP_DIFFICULTY_LABELS: Readonly<Record<DeepDifficultyGroup, string>> =
  zhLabels(DEEP_DIFFICULTY_TEXT);

const ORDER: readonly DeepDifficultyGroup[] = [
  'incapacitated',
  'seriouslyIll',
  'severelyDisabled',
  'specialHardship',
];

/** One group a member belongs to, with the reason in words. */
export interface GroupMembership {
  group: DeepDifficultyGroup;
  labelZh: string;
  reason: LocalizedText;
}

/** Groups of one member; `index` is the position in the input, `key` the caller's opaque reference. */
export interface MemberDeepDifficulty {
  index: number;
  key?: string;
  groups: GroupMembership[];
}

/** Household-level view of one group: how many members and why. */
export interface HouseholdDeepDifficulty {
  group: DeepDifficultyGroup;
  labelZh: string;
  memberIndexes: number[];
  reason: LocalizedText;
}

/** Household-level facts that put the whole household in a group. */
export interface DeepDifficultyHousehold {
  /** 特困供养户 recorded as the household attribute. */
  specialHardship?: boolean;
}

/** Severe disability = grade 1 or 2 (一级、二级). */
function isSevereDisability(m: MemberFacts): boolean {
  return m.disability !== null && m.disability.grade <= 2;
}

/** Derives the groups of one member with their reasons. */
function memberGroups(m: MemberFacts): GroupMembership[] {
  const out: GroupMembership[] = [];
  const add = (group: DeepDifficultyGroup, zh: string, en: string) =>
    out.push({ group, labelZh: DEEP_DIFFICULTY_LABELS[group], reason: { zh, en } });
  const dis = m.disability ? disabilityLabel(m.disability) : null;
  if (NO_LABOUR.includes(m.labour) && (m.health === 'serious' || isSevereDisability(m))) {
    const cause =
      m.health === 'serious' ? { zh: '患有大病', en: 'serious illness' } : (dis ?? { zh: '', en: '' });
    add(
      'incapacitated',
      `${LABOUR_CAPACITY_LABELS[m.labour]}，且${cause.zh}`,
      `${m.labour} labour capacity and ${cause.en}`,
    );
  }
  if (m.health === 'serious') add('seriouslyIll', '患有大病', 'serious illness');
  if (isSevereDisability(m) && dis) add('severelyDisabled', dis.zh, dis.en);
  if (m.specialHardship === true) {
    add('specialHardship', '特困供养人员', 'receives special-hardship support');
  } else if (m.hasLegalSupporterAbleToSupport === false) {
    add(
      'specialHardship',
      '无法定赡养、抚养、扶养义务人，或其法定义务人无履行义务能力',
      'no legal supporter, or the supporter cannot fulfil the duty',
    );
  }
  return out;
}

/**
 * Sorts members (and so the household) into the R12 deep-difficulty groups — 失能 (no working capacity plus
 * serious illness or grade 1–2 disability), 重病, 重残 (grade 1–2), 特困 — each with its reason text.
 * `asOf` lets household reasons name members by relation and age.
 */
export function deepDifficultyGroups(
  members: readonly MemberFacts[],
  household: DeepDifficultyHousehold = {},
  asOf?: string,
): { members: MemberDeepDifficulty[]; household: HouseholdDeepDifficulty[] } {
  const perMember: MemberDeepDifficulty[] = members.map((m, index) => {
    const r: MemberDeepDifficulty = { index, groups: memberGroups(m) };
    if (m.key !== undefined) r.key = m.key;
    return r;
  });
  const hh: HouseholdDeepDifficulty[] = [];
  for (const group of ORDER) {
    const hits = perMember.flatMap((pm) =>
      pm.groups.filter((g) => g.group === group).map((g) => ({ index: pm.index, reason: g.reason })),
    );
    const whole = group === 'specialHardship' && household.specialHardship === true;
    if (hits.length === 0 && !whole) continue;
    const zh: string[] = [];
    const en: string[] = [];
    if (whole) {
      zh.push('整户为特困供养户');
      en.push('the household receives special-hardship support');
    }
    if (hits.length > 0) {
      const items = hits.map((h) => {
        const m = members[h.index];
        const who = m && asOf ? describeMember(m, asOf) : null;
        return {
          zh: who ? `${who.zh}：${h.reason.zh}` : h.reason.zh,
          en: who ? `${who.en}: ${h.reason.en}` : h.reason.en,
        };
      });
      zh.push(`${hits.length} 名成员（${items.map((i) => i.zh).join('；')}）`);
      en.push(`${hits.length} member(s) (${items.map((i) => i.en).join('; ')})`);
    }
    hh.push({
      group,
      labelZh: DEEP_DIFFICULTY_LABELS[group],
      memberIndexes: hits.map((h) => h.index),
      reason: { zh: zh.join('；'), en: en.join('; ') },
    });
  }
  return { members: perMember, household: hh };
}
