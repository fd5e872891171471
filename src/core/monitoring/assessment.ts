import { ageOn } from '../identity/dates';
import type { LocalizedText } from '../identity/result';
import type { YearConfig } from './config';
import { OUT_OF_SCHOOL, SCHOOLING_STATUS_LABELS } from './facts';
import type { FoodClothingFacts, HouseholdEconomics, HousingFacts, MemberFacts, WaterFacts } from './facts';
import { describeMember, fen, formatNumber } from './format';
import { perCapitaNetIncome } from './income';

/** The criteria of 一达标两不愁三保障 plus the four safe-water criteria (R10, R11). */
export type CriterionKey =
  | 'income'
  | 'food'
  | 'clothing'
  | 'compulsoryEducation'
  | 'medicalInsurance'
  | 'housing'
  | 'waterQuantity'
  | 'waterQuality'
  | 'waterConvenience'
  | 'waterSupply';

/** Which part of the standard a criterion belongs to, for grouping on screen. */
export type CriterionGroup = 'oneStandard' | 'twoNoWorries' | 'threeGuarantees' | 'water';

/** zh labels as clerks name the criteria. */
export const CRITERION_LABELS: Readonly<Record<CriterionKey, string>> = {
  income: '一达标（人均纯收入）',
  food: '不愁吃',
  clothing: '不愁穿',
  compulsoryEducation: '义务教育有保障',
  medicalInsurance: '基本医疗有保障',
  housing: '住房安全有保障',
  waterQuantity: '饮水安全（水量）',
  waterQuality: '饮水安全（水质）',
  waterConvenience: '饮水安全（取水方便）',
  waterSupply: '饮水安全（供水保证率）',
};

/** Criterion → part of the standard. */
export const CRITERION_GROUPS: Readonly<Record<CriterionKey, CriterionGroup>> = {
  income: 'oneStandard',
  food: 'twoNoWorries',
  clothing: 'twoNoWorries',
  compulsoryEducation: 'threeGuarantees',
  medicalInsurance: 'threeGuarantees',
  housing: 'threeGuarantees',
  waterQuantity: 'water',
  waterQuality: 'water',
  waterConvenience: 'water',
  waterSupply: 'water',
};

/** 'unknown' when the fact was not verified, so a missing field is never read as "met". */
export type Verdict = 'met' | 'not_met' | 'unknown';

/** Scalar values recorded as the inputs of a verdict (no personal data). */
export type InputValue = number | string | boolean | null;

/** One explained verdict: what was compared with what, in words a clerk understands. */
export interface Criterion {
  key: CriterionKey;
  labelZh: string;
  group: CriterionGroup;
  value: InputValue;
  verdict: Verdict;
  explanation: LocalizedText;
  inputs: Record<string, InputValue>;
}

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

/** Builds a criterion record with its label and group filled in. */
function criterion(
  key: CriterionKey,
  verdict: Verdict,
  value: InputValue,
  zh: string,
  en: string,
  inputs: Record<string, InputValue>,
): Criterion {
  return {
    key,
    labelZh: CRITERION_LABELS[key],
    group: CRITERION_GROUPS[key],
    value,
    verdict,
    explanation: { zh, en },
    inputs,
  };
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
    `人均纯收入 ${formatNumber(pc)} 元 ${op} 贫困线 ${formatNumber(line)} 元`,
    `Per-capita net income ${formatNumber(pc)} yuan ${op} poverty line ${formatNumber(line)} yuan`,
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
  if (zhFail.length > 0) return criterion('food', 'not_met', false, zhFail.join('，'), enFail.join(', '), inputs);
  if (f.enoughStapleFood === null || f.meatAtLeastMonthly === null) {
    return criterion('food', 'unknown', null, '吃的情况（主食、肉类）未核实', 'Food situation not verified', inputs);
  }
  return criterion('food', 'met', true, '主食充足，每月至少吃一次肉', 'Enough staple food; meat at least monthly', inputs);
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
        out.push({ zh: `（${who.zh}）${status}`, en: `(${who.en}) ${s === 'droppedOut' ? 'dropped out' : 'not in school'}` });
      }
    }
  }
  const inputs = { membersInAgeRange: inRange.length, outOfSchool: out.length, exemptForHealth: exempt, unrecorded };
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
  const zh = inRange.length === exempt ? `无需在校的 ${range}成员` : `${inRange.length - exempt} 名 ${range}成员均在校`;
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
  const unknown = input.members.filter((m) => m.medicalInsurance === null || m.criticalIllnessInsurance === null);
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
    return criterion('medicalInsurance', 'not_met', value, zh.join('；') + doctorZh, en.join('; ') + doctorEn, inputs);
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
  if (h.grade === null) return criterion('housing', 'unknown', null, '住房安全等级未鉴定', 'House not yet graded', inputs);
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

/** The four safe-water criteria with the year's thresholds. */
function assessWater(w: WaterFacts, c: YearConfig['water']): Criterion[] {
  const out: Criterion[] = [];
  const need = w.waterShortArea ? c.litresPerPersonDayWaterShort : c.litresPerPersonDay;
  const areaZh = w.waterShortArea ? '（缺水地区标准）' : '';
  const areaEn = w.waterShortArea ? ' (water-short area standard)' : '';
  const qInputs = { litresPerPersonDay: w.litresPerPersonDay, waterShortArea: w.waterShortArea, threshold: need };
  if (w.litresPerPersonDay === null) {
    out.push(criterion('waterQuantity', 'unknown', null, '人均日供水量未核实', 'Water quantity not verified', qInputs));
  } else {
    const met = w.litresPerPersonDay >= need;
    const op = met ? '≥' : '<';
    const l = formatNumber(w.litresPerPersonDay);
    out.push(
      criterion(
        'waterQuantity',
        met ? 'met' : 'not_met',
        w.litresPerPersonDay,
        `人均日供水 ${l} 升 ${op} ${formatNumber(need)} 升${areaZh}`,
        `Water ${l} L per person per day ${op} ${formatNumber(need)} L${areaEn}`,
        qInputs,
      ),
    );
  }
  const qualityInputs = { qualityOk: w.qualityOk };
  out.push(
    w.qualityOk === null
      ? criterion('waterQuality', 'unknown', null, '水质未核实', 'Water quality not verified', qualityInputs)
      : w.qualityOk
        ? criterion('waterQuality', 'met', true, '水质达标', 'Water quality meets the standard', qualityInputs)
        : criterion('waterQuality', 'not_met', false, '水质不达标', 'Water quality below the standard', qualityInputs),
  );
  const fInputs = { fetchMinutes: w.fetchMinutes, threshold: c.maxFetchMinutes };
  if (w.fetchMinutes === null) {
    out.push(criterion('waterConvenience', 'unknown', null, '取水时间未核实', 'Fetching time not verified', fInputs));
  } else {
    const met = w.fetchMinutes <= c.maxFetchMinutes;
    const op = met ? '≤' : '>';
    out.push(
      criterion(
        'waterConvenience',
        met ? 'met' : 'not_met',
        w.fetchMinutes,
        `取水往返 ${formatNumber(w.fetchMinutes)} 分钟 ${op} ${formatNumber(c.maxFetchMinutes)} 分钟`,
        `Fetching water takes ${formatNumber(w.fetchMinutes)} min ${op} ${formatNumber(c.maxFetchMinutes)} min`,
        fInputs,
      ),
    );
  }
  const sInputs = { supplyCutDaysPerYear: w.supplyCutDaysPerYear, threshold: c.maxSupplyCutDaysPerYear };
  if (w.supplyCutDaysPerYear === null) {
    out.push(criterion('waterSupply', 'unknown', null, '断水天数未核实', 'Supply cuts not verified', sInputs));
  } else {
    const met = w.supplyCutDaysPerYear <= c.maxSupplyCutDaysPerYear;
    const op = met ? '≤' : '>';
    const d = formatNumber(w.supplyCutDaysPerYear);
    const max = formatNumber(c.maxSupplyCutDaysPerYear);
    out.push(
      criterion(
        'waterSupply',
        met ? 'met' : 'not_met',
        w.supplyCutDaysPerYear,
        `全年断水 ${d} 天 ${op} ${max} 天`,
        `Supply cut ${d} days a year ${op} ${max} days`,
        sInputs,
      ),
    );
  }
  return out;
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
