import { normalizeDigits } from '../identity/normalize';
import type { LocalizedText } from '../identity/result';
import type { FoodClothingFacts, HouseholdEconomics, WaterFacts } from '../monitoring/facts';
import { cellDate, cellText } from './ledger';

/**
 * The yearly income-and-expenditure ledger 家庭收支台账 as offices keep it: one row per household and
 * year, Chinese headers (with the variants clerks type). A household is found by its 户编号, else by the
 * system number Bangfu puts in its own template, else by the head's ID number. Blank money cells are 0
 * (the ledger convention); blank facts (housing, water, food and clothing) stay unknown.
 */
export interface EconomicsColumn {
  key: EconomicsKey;
  header: string;
  synonyms: readonly string[];
  /** Shown in the template but not read (context for the clerk). */
  info?: boolean;
  width?: number;
}

export type EconomicsKey =
  | 'householdId'
  | 'householdNo'
  | 'headIdNumber'
  | 'headName'
  | 'village'
  | 'year'
  | 'asOf'
  | MoneyKey
  | 'housingGrade'
  | 'litresPerPersonDay'
  | 'waterShortArea'
  | 'qualityOk'
  | 'fetchMinutes'
  | 'supplyCutDaysPerYear'
  | 'enoughStapleFood'
  | 'meatAtLeastMonthly'
  | 'seasonalClothing';

type MoneyKey =
  | 'wages'
  | 'netBusinessIncome'
  | 'propertyIncome'
  | 'transferIncome'
  | 'businessCosts'
  | 'rigidMedical'
  | 'rigidEducation'
  | 'rigidDisaster'
  | 'rigidOther';

export const ECONOMICS_SHEET = '家庭收支';

export const ECONOMICS_COLUMNS: readonly EconomicsColumn[] = [
  { key: 'householdId', header: '系统编号', synonyms: ['系统户号'], width: 10 },
  { key: 'householdNo', header: '户编号', synonyms: ['户号', '家庭编号'], width: 20 },
  {
    key: 'headIdNumber',
    header: '户主证件号码',
    synonyms: ['户主身份证号', '户主身份证号码'],
    width: 22,
  },
  { key: 'headName', header: '户主姓名', synonyms: ['户主'], info: true },
  { key: 'village', header: '村(社区)', synonyms: ['村'], info: true, width: 14 },
  { key: 'year', header: '年度', synonyms: ['年份'] },
  { key: 'asOf', header: '评估日期', synonyms: ['核算日期'], width: 12 },
  { key: 'wages', header: '工资性收入', synonyms: ['工资性收入(元)'] },
  { key: 'netBusinessIncome', header: '生产经营性收入', synonyms: ['生产经营性收入(元)'] },
  { key: 'propertyIncome', header: '财产性收入', synonyms: ['财产性收入(元)'] },
  { key: 'transferIncome', header: '转移性收入', synonyms: ['转移性收入(元)'] },
  { key: 'businessCosts', header: '生产经营性支出', synonyms: ['生产经营性支出(元)'] },
  { key: 'rigidMedical', header: '合规自付医疗费用', synonyms: ['医疗支出', '医疗自付费用'] },
  { key: 'rigidEducation', header: '教育支出', synonyms: [] },
  { key: 'rigidDisaster', header: '灾害损失', synonyms: ['灾害支出'] },
  { key: 'rigidOther', header: '其他刚性支出', synonyms: ['意外事故支出'] },
  { key: 'housingGrade', header: '住房安全等级', synonyms: ['房屋安全等级', '危房等级'] },
  { key: 'litresPerPersonDay', header: '人均日用水量(升)', synonyms: ['人均日用水量'] },
  { key: 'waterShortArea', header: '是否缺水地区', synonyms: ['缺水地区'] },
  { key: 'qualityOk', header: '水质是否达标', synonyms: ['水质达标'] },
  { key: 'fetchMinutes', header: '取水往返时间(分钟)', synonyms: ['取水往返时间'] },
  { key: 'supplyCutDaysPerYear', header: '年断水天数', synonyms: ['断水天数'] },
  { key: 'enoughStapleFood', header: '口粮是否充足', synonyms: ['主粮是否充足'] },
  { key: 'meatAtLeastMonthly', header: '每月至少吃一次肉', synonyms: ['每月吃肉'] },
  { key: 'seasonalClothing', header: '四季衣被是否齐全', synonyms: ['四季有换季衣服'] },
];

/** Header text as clerks vary it: no spaces, full-width brackets folded, required-marks dropped. */
function headerKey(s: string): string {
  return normalizeDigits(s).replace(/（/g, '(').replace(/）/g, ')').replace(/\*/g, '');
}
const HEADER_INDEX = new Map<string, EconomicsKey>();
for (const c of ECONOMICS_COLUMNS)
  for (const h of [c.header, ...c.synonyms]) HEADER_INDEX.set(headerKey(h), c.key);

export function economicsHeaderOf(key: EconomicsKey): string {
  return ECONOMICS_COLUMNS.find((c) => c.key === key)!.header;
}

export interface EconomicsProblem {
  column: string;
  code: string;
  message: LocalizedText;
}

/** Maps the header row to keys; a ledger needs 年度 and one way to find the household. */
export function matchEconomicsHeaders(headers: readonly unknown[]): {
  columns: Map<number, EconomicsKey>;
  problems: EconomicsProblem[];
} {
  const columns = new Map<number, EconomicsKey>();
  headers.forEach((h, i) => {
    const key = HEADER_INDEX.get(headerKey(cellText(h)));
    if (key && ![...columns.values()].includes(key)) columns.set(i, key);
  });
  const present = new Set(columns.values());
  const problems: EconomicsProblem[] = [];
  if (!present.has('year'))
    problems.push({
      column: '年度',
      code: 'header.missing',
      message: { zh: '缺少必填列「年度」', en: 'Missing required column 年度' },
    });
  if (!present.has('householdNo') && !present.has('householdId') && !present.has('headIdNumber'))
    problems.push({
      column: '户编号',
      code: 'header.missing',
      message: {
        zh: '缺少识别家庭的列：「户编号」「系统编号」或「户主证件号码」至少一列',
        en: 'A column identifying the household is needed: 户编号, 系统编号 or 户主证件号码',
      },
    });
  return { columns, problems };
}

/** How the row names its household (the service resolves it within the user's scope). */
export type HouseholdRef =
  { by: 'id'; id: number } | { by: 'no'; householdNo: string } | { by: 'headId'; idNumber: string };

export interface EconomicsRow {
  ref: HouseholdRef | null;
  year: number | null;
  asOf: string | null;
  econ: HouseholdEconomics;
  housingGrade: 'A' | 'B' | 'C' | 'D' | null;
  water: WaterFacts;
  foodClothing: FoodClothingFacts;
}

const YES = new Set(['是', '有', 'Y', '1', 'TRUE', '√']);
const NO = new Set(['否', '无', 'N', '0', 'FALSE', '×']);
const MAX_MONEY = 100_000_000;

/** Parses one row; every problem names its column (R10 import: errors located by sheet, row, column). */
export function parseEconomicsRow(cells: ReadonlyMap<EconomicsKey, unknown>): {
  row: EconomicsRow;
  problems: EconomicsProblem[];
} {
  const problems: EconomicsProblem[] = [];
  const add = (key: EconomicsKey, code: string, zh: string, en: string) =>
    problems.push({ column: economicsHeaderOf(key), code, message: { zh, en } });
  const text = (key: EconomicsKey) => cellText(cells.get(key));
  const digits = (key: EconomicsKey) => normalizeDigits(text(key));

  /** A non-negative amount: numbers, or text with full-width digits, thousands separators, 元. */
  const number = (key: EconomicsKey, max: number, blank: number | null): number | null => {
    const raw = cells.get(key);
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw) || raw < 0 || raw > max) {
        add(key, 'number.range', `${economicsHeaderOf(key)}应在 0 至 ${max} 之间`, `Must be 0 to ${max}`);
        return null;
      }
      return Math.round(raw * 100) / 100;
    }
    const t = digits(key).replace(/[,，]/g, '').replace(/元$/, '');
    if (!t) return blank;
    if (!/^\d+(\.\d+)?$/.test(t)) {
      add(key, 'number.format', `${economicsHeaderOf(key)}应为数字`, 'Must be a number');
      return null;
    }
    const n = Number(t);
    if (n > max) {
      add(key, 'number.range', `${economicsHeaderOf(key)}应在 0 至 ${max} 之间`, `Must be 0 to ${max}`);
      return null;
    }
    return Math.round(n * 100) / 100;
  };
  const money = (key: MoneyKey) => number(key, MAX_MONEY, 0) ?? 0;
  const yesNo = (key: EconomicsKey): boolean | null => {
    const v = digits(key).toUpperCase();
    if (!v) return null;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    add(key, 'yesno', `${economicsHeaderOf(key)}应填“是”或“否”`, 'Must be 是 or 否');
    return null;
  };

  let ref: HouseholdRef | null = null;
  const idText = digits('householdId');
  const no = text('householdNo');
  const headId = digits('headIdNumber');
  if (idText) {
    if (/^\d{1,12}$/.test(idText)) ref = { by: 'id', id: Number(idText) };
    else add('householdId', 'ref.format', '系统编号应为数字', 'The system number is a number');
  } else if (no) ref = { by: 'no', householdNo: no };
  else if (headId) {
    if (typeof cells.get('headIdNumber') === 'number')
      add(
        'headIdNumber',
        'id.precision',
        '证件号码被 Excel 存成了数字，后几位可能已丢失；请把该列设为文本后重新填写',
        'The ID number was stored as a number by Excel and may have lost digits; format the column as text',
      );
    else ref = { by: 'headId', idNumber: headId };
  } else add('householdNo', 'ref.missing', '请填写户编号、系统编号或户主证件号码', 'Identify the household');

  let year: number | null = null;
  const y = digits('year').replace(/年$/, '');
  if (!y) add('year', 'required', '年度不能为空', 'The year is required');
  else if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100)
    add('year', 'year.format', '年度应为 2000 至 2100 之间的四位年份', 'A year from 2000 to 2100');
  else year = Number(y);

  let asOf: string | null = null;
  if (text('asOf')) {
    asOf = cellDate(cells.get('asOf'));
    if (!asOf) add('asOf', 'date.format', '评估日期不是有效日期', 'Not a valid date');
    else if (year !== null && !asOf.startsWith(`${year}-`))
      add('asOf', 'date.year', `评估日期应在 ${year} 年内`, `The date must be within ${year}`);
  }

  let housingGrade: EconomicsRow['housingGrade'] = null;
  const g = digits('housingGrade').toUpperCase().replace(/级$/, '');
  if (g) {
    if (g === 'A' || g === 'B' || g === 'C' || g === 'D') housingGrade = g;
    else
      add('housingGrade', 'code.unknown', '住房安全等级应为 A、B、C 或 D', 'Housing grade is A, B, C or D');
  }

  const row: EconomicsRow = {
    ref,
    year,
    asOf,
    econ: {
      wages: money('wages'),
      netBusinessIncome: money('netBusinessIncome'),
      propertyIncome: money('propertyIncome'),
      transferIncome: money('transferIncome'),
      businessCosts: money('businessCosts'),
      rigidExpenditure: {
        medical: money('rigidMedical'),
        education: money('rigidEducation'),
        disaster: money('rigidDisaster'),
        other: money('rigidOther'),
      },
    },
    housingGrade,
    water: {
      litresPerPersonDay: number('litresPerPersonDay', 10_000, null),
      waterShortArea: yesNo('waterShortArea') ?? false,
      qualityOk: yesNo('qualityOk'),
      fetchMinutes: number('fetchMinutes', 24 * 60, null),
      supplyCutDaysPerYear: number('supplyCutDaysPerYear', 366, null),
    },
    foodClothing: {
      enoughStapleFood: yesNo('enoughStapleFood'),
      meatAtLeastMonthly: yesNo('meatAtLeastMonthly'),
      seasonalClothing: yesNo('seasonalClothing'),
    },
  };
  return { row, problems };
}
