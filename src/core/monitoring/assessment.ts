import { ageOn } from '../identity/dates';
import type { YearConfig } from './config';
import { criterion } from './criteria';
import type { Criterion } from './criteria';
import { OUT_OF_SCHOOL } from './facts';
import type { FoodClothingFacts, HouseholdEconomics, HousingFacts, MemberFacts, WaterFacts } from './facts';
import { describeMember, fen, formatYuan } from './format';
import { perCapitaNetIncome } from './income';
import { assessWater } from './water';

/** Input of assessHousehold. */
export interface AssessHouseholdInput {
  config: YearConfig;
  asOf: string;
  members: readonly MemberFacts[];
  econ: HouseholdEconomics;
  housing: HousingFacts;
  water: WaterFacts;
  foodClothing: FoodClothingFacts;
}

/** 一达标: per-capita net income at or above the year's poverty line. */
function assessIncome(input: AssessHouseholdInput): Criterion {
  const pc = perCapitaNetIncome(input.econ, input.members.length);
  const line = input.config.povertyLine;
  const met = fen(pc) >= fen(line);
  const op = met ? '≥' : '<';
  return criterion(
    'income',
    met ? 'met' : 'not_met',
    pc,
    `人均纯收入 ${formatYuan(pc)} 元 ${op} 贫困线 ${formatYuan(line)} 元`,
    `Per-capita net income ${formatYuan(pc)} yuan ${op} poverty line ${formatYuan(line)} yuan`,
    { perCapitaNetIncome: pc, povertyLine: line, householdSize: input.members.length },
  );
}

/** 不愁吃: enough staple food and meat at least monthly. */
function assessFood(f: FoodClothingFacts): Criterion {
  const inputs = { enoughStapleFood: f.enoughStapleFood, meatAtLeastMonthly: f.meatAtLeastMonthly };
  const zhFail: string[] = [];
  const enFail: string[] = [];
  if (f.enoughStapleFood === false) {
    zhFail.push('主食不足');
    enFail.push('not enough staple food');
  }
  if (f.meatAtLeastMonthly === false) {
    zhFail.push('不能保证每月至少吃一次肉');
    enFail.push('no meat at least once a month');
  }
  if (zhFail.length > 0)
    return criterion('food', 'not_met', false, zhFail.join('，'), enFail.join(', '), inputs);
  if (f.enoughStapleFood === null || f.meatAtLeastMonthly === null) {
    return criterion(
      'food',
      'unknown',
      null,
      '吃的情况（主食、肉类）未核实',
      'Food situation not verified',
      inputs,
    );
  }
  return criterion(
    'food',
    'met',
    true,
    '主食充足，每月至少吃一次肉',
    'Enough staple food; meat at least monthly',
    inputs,
  );
}

/** 不愁穿: seasonal clothing. */
function assessClothing(f: FoodClothingFacts): Criterion {
  const inputs = { seasonalClothing: f.seasonalClothing };
  if (f.seasonalClothing === null) {
    return criterion('clothing', 'unknown', null, '穿的情况未核实', 'Clothing not verified', inputs);
  }
  return f.seasonalClothing
    ? criterion('clothing', 'met', true, '四季有换季衣服', 'Seasonal clothing available', inputs)
    : criterion('clothing', 'not_met', false, '缺少换季衣服', 'Lacks seasonal clothing', inputs);
}

/** 义务教育: every member aged min–max at asOf is in school, unless out of school for health reasons. */
function assessEducation(input: AssessHouseholdInput): Criterion {
  const { min, max } = input.config.compulsoryEducationAge;
  const range = `${min}–${max} 岁`;
  const inRange = input.members.filter((m) => {
    const age = ageOn(m.birthDate, input.asOf);
    return age >= min && age <= max;
  });
  const out: { zh: string; en: string }[] = [];
  let exempt = 0;
  let unrecorded = 0;
  for (const m of inRange) {
    const s = m.schooling ?? null;
    if (s === null) {
      unrecorded += 1;
    } else if (OUT_OF_SCHOOL.includes(s)) {
      if (m.outOfSchoolForHealth === true) {
        exempt += 1;
      } else {
        const who = describeMember(m, input.asOf);
        const status = s === 'droppedOut' ? '辍学' : '未在校';
        out.push({
          zh: `（${who.zh}）${status}`,
          en: `(${who.en}) ${s === 'droppedOut' ? 'dropped out' : 'not in school'}`,
        });
      }
    }
  }
  const inputs = {
    membersInAgeRange: inRange.length,
    outOfSchool: out.length,
    exemptForHealth: exempt,
    unrecorded,
  };
  const exemptZh = exempt > 0 ? `；另有 ${exempt} 名因身体原因不在校，不计入` : '';
  const exemptEn = exempt > 0 ? `; ${exempt} out of school for health reasons, not counted` : '';
  if (out.length > 0) {
    const zh =
      out.length === 1
        ? `1 名 ${range}成员${out[0]?.zh ?? ''}`
        : `${out.length} 名 ${range}成员未在校：${out.map((o) => o.zh).join('；')}`;
    const en = `${out.length} member(s) aged ${min}–${max} out of school: ${out.map((o) => o.en).join('; ')}`;
    return criterion('compulsoryEducation', 'not_met', out.length, zh + exemptZh, en + exemptEn, inputs);
  }
  if (unrecorded > 0) {
    return criterion(
      'compulsoryEducation',
      'unknown',
      null,
      `${unrecorded} 名 ${range}成员在校情况未登记${exemptZh}`,
      `Schooling of ${unrecorded} member(s) aged ${min}–${max} not recorded${exemptEn}`,
      inputs,
    );
  }
  const zh =
    inRange.length === exempt
      ? `无需在校的 ${range}成员`
      : `${inRange.length - exempt} 名 ${range}成员均在校`;
  const en =
    inRange.length === exempt
      ? `No member aged ${min}–${max} required to attend`
      : `All ${inRange.length - exempt} member(s) aged ${min}–${max} in school`;
  return criterion('compulsoryEducation', 'met', 0, zh + exemptZh, en + exemptEn, inputs);
}

/** 基本医疗: every member in resident medical insurance and critical-illness insurance (family doctor noted). */
function assessMedical(input: AssessHouseholdInput): Criterion {
  const who = (ms: readonly MemberFacts[]) => ms.map((m) => describeMember(m, input.asOf));
  const noBasic = who(input.members.filter((m) => m.medicalInsurance === false));
  const noCritical = who(input.members.filter((m) => m.criticalIllnessInsurance === false));
  const unknown = input.members.filter(
    (m) => m.medicalInsurance === null || m.criticalIllnessInsurance === null,
  );
  const noDoctor = input.members.filter((m) => m.familyDoctor === false).length;
  const inputs = {
    householdSize: input.members.length,
    withoutMedicalInsurance: noBasic.length,
    withoutCriticalIllnessInsurance: noCritical.length,
    unverified: unknown.length,
    withoutFamilyDoctor: noDoctor,
  };
  const doctorZh = noDoctor > 0 ? `；${noDoctor} 名成员未签约家庭医生（服务项，不影响判定）` : '';
  const doctorEn = noDoctor > 0 ? `; ${noDoctor} without a family doctor (service item, not decisive)` : '';
  const list = (ws: { zh: string }[]) => ws.map((w) => w.zh).join('；');
  if (noBasic.length > 0 || noCritical.length > 0) {
    const zh: string[] = [];
    const en: string[] = [];
    if (noBasic.length > 0) {
      zh.push(`${noBasic.length} 名成员（${list(noBasic)}）未参加城乡居民基本医疗保险`);
      en.push(`${noBasic.length} member(s) without resident medical insurance`);
    }
    if (noCritical.length > 0) {
      zh.push(`${noCritical.length} 名成员（${list(noCritical)}）未参加大病保险`);
      en.push(`${noCritical.length} member(s) without critical-illness insurance`);
    }
    const value = noBasic.length + noCritical.length;
    return criterion(
      'medicalInsurance',
      'not_met',
      value,
      zh.join('；') + doctorZh,
      en.join('; ') + doctorEn,
      inputs,
    );
  }
  if (unknown.length > 0) {
    return criterion(
      'medicalInsurance',
      'unknown',
      null,
      `${unknown.length} 名成员参保情况未核实${doctorZh}`,
      `Insurance of ${unknown.length} member(s) not verified${doctorEn}`,
      inputs,
    );
  }
  return criterion(
    'medicalInsurance',
    'met',
    0,
    `全部 ${input.members.length} 名成员均参加基本医疗保险和大病保险${doctorZh}`,
    `All ${input.members.length} member(s) have medical and critical-illness insurance${doctorEn}`,
    inputs,
  );
}

/** 住房安全: grade A or B is safe; C or D must be renovated. */
function assessHousing(h: HousingFacts): Criterion {
  const inputs = { grade: h.grade };
  if (h.grade === null)
    return criterion('housing', 'unknown', null, '住房安全等级未鉴定', 'House not yet graded', inputs);
  if (h.grade === 'A' || h.grade === 'B') {
    return criterion(
      'housing',
      'met',
      h.grade,
      `住房安全等级 ${h.grade} 级（A、B 级为安全住房）`,
      `House graded ${h.grade} (A and B are safe)`,
      inputs,
    );
  }
  return criterion(
    'housing',
    'not_met',
    h.grade,
    `住房为 ${h.grade} 级危房，需改造（A、B 级为安全住房）`,
    `House graded ${h.grade}: unsafe, must be renovated (A and B are safe)`,
    inputs,
  );
}

/**
 * Assesses a household against 一达标两不愁三保障 and safe drinking water (R10, R11): one explained verdict per
 * criterion, so the adjustment list can show why a household should be included or may exit.
 */
export function assessHousehold(input: AssessHouseholdInput): Criterion[] {
  if (input.members.length === 0) throw new RangeError('assessHousehold: 家庭成员不能为空');
  return [
    assessIncome(input),
    assessFood(input.foodClothing),
    assessClothing(input.foodClothing),
    assessEducation(input),
    assessMedical(input),
    assessHousing(input.housing),
    ...assessWater(input.water, input.config.water),
  ];
}
