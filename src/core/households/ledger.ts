import { formatIsoDate, parseLooseDate } from '../identity/dates';
import { detectPrecisionLoss } from '../identity/idNumber';
import { normalizeDigits } from '../identity/normalize';
import type { LocalizedText } from '../identity/result';
import {
  HEALTH_STATUS_LABELS,
  LABOUR_CAPACITY_LABELS,
  RELATION_LABELS,
  SCHOOLING_STATUS_LABELS,
} from '../monitoring/facts';
import { MONITORING_TYPES } from '../monitoring/codes';
import {
  HOUSEHOLD_ATTRIBUTES,
  MemberInputSchema,
  POVERTY_EXIT_FLAGS,
  type HouseholdCreate,
  type MemberInput,
} from './households.schemas';

/**
 * The household ledger 花名册 as offices keep it: one row per member, household columns repeated on
 * each row (or only on the head's row), Chinese headers from the DATA-DICTIONARY with their variants.
 * The same columns serve the import template and the export, so an export can be imported again.
 */
export interface LedgerColumn {
  key: string;
  header: string;
  synonyms: readonly string[];
  level: 'household' | 'member';
  required?: boolean;
  width?: number;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  {
    key: 'regionCode',
    header: '行政区划代码',
    synonyms: ['村级区划代码', '区划代码', '所在村代码'],
    level: 'household',
    required: true,
    width: 16,
  },
  { key: 'householdNo', header: '户编号', synonyms: ['户号', '家庭编号'], level: 'household', width: 20 },
  { key: 'villageGroup', header: '村民小组', synonyms: ['所在组', '组'], level: 'household' },
  { key: 'address', header: '家庭住址', synonyms: ['住址', '详细地址'], level: 'household', width: 24 },
  {
    key: 'attribute',
    header: '户属性',
    synonyms: ['户类型', '贫困户属性'],
    level: 'household',
    required: true,
  },
  { key: 'povertyExitFlag', header: '脱贫标志', synonyms: [], level: 'household' },
  { key: 'monitoringType', header: '监测对象类别', synonyms: ['监测类别'], level: 'household' },
  { key: 'monitoringSince', header: '识别监测时间', synonyms: ['纳入监测时间'], level: 'household' },
  { key: 'householdPhone', header: '户联系电话', synonyms: ['家庭联系电话'], level: 'household', width: 14 },
  { key: 'bankName', header: '开户银行', synonyms: [], level: 'household' },
  { key: 'bankAccount', header: '银行账号', synonyms: ['银行卡号'], level: 'household', width: 22 },
  { key: 'assistPerson', header: '帮扶责任人', synonyms: [], level: 'household' },
  { key: 'declaredSize', header: '家庭人口数', synonyms: ['人口数'], level: 'household' },
  { key: 'name', header: '姓名', synonyms: ['成员姓名'], level: 'member', required: true },
  {
    key: 'idNumber',
    header: '证件号码',
    synonyms: ['身份证号', '身份证号码', '公民身份号码', '户主证件号码'],
    level: 'member',
    required: true,
    width: 22,
  },
  { key: 'sex', header: '性别', synonyms: [], level: 'member' },
  { key: 'birthDate', header: '出生日期', synonyms: [], level: 'member', width: 12 },
  { key: 'relation', header: '与户主关系', synonyms: ['与户主的关系'], level: 'member', required: true },
  { key: 'ethnicity', header: '民族', synonyms: [], level: 'member' },
  { key: 'education', header: '文化程度', synonyms: [], level: 'member' },
  { key: 'schooling', header: '在校生状况', synonyms: ['在校状况'], level: 'member' },
  { key: 'health', header: '健康状况', synonyms: [], level: 'member', required: true },
  { key: 'disabilityCertificate', header: '残疾证号', synonyms: ['残疾人证号'], level: 'member', width: 24 },
  { key: 'labour', header: '劳动技能', synonyms: ['劳动能力'], level: 'member', required: true },
  { key: 'workStatus', header: '务工状况', synonyms: [], level: 'member' },
  { key: 'workMonths', header: '务工时间(月)', synonyms: ['务工时间（月）', '务工时间'], level: 'member' },
  { key: 'workPlace', header: '务工地点', synonyms: [], level: 'member' },
  {
    key: 'medicalInsurance',
    header: '是否参加城乡居民基本医疗保险',
    synonyms: ['基本医疗保险', '是否参加基本医疗保险'],
    level: 'member',
  },
  { key: 'criticalIllnessInsurance', header: '是否参加大病保险', synonyms: ['大病保险'], level: 'member' },
  {
    key: 'pensionInsurance',
    header: '是否参加城乡居民基本养老保险',
    synonyms: ['基本养老保险'],
    level: 'member',
  },
  { key: 'phone', header: '联系电话', synonyms: ['成员联系电话', '手机号码'], level: 'member', width: 14 },
];

export const LEDGER_SHEET = '家庭成员';

/** Header text as clerks vary it: no spaces, full-width brackets folded. */
function headerKey(s: string): string {
  return normalizeDigits(s).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\*/g, '');
}

const HEADER_INDEX = new Map<string, string>();
for (const c of LEDGER_COLUMNS)
  for (const h of [c.header, ...c.synonyms]) HEADER_INDEX.set(headerKey(h), c.key);

/** Maps a header row to column keys; reports missing required columns and ignores unknown ones. */
export function matchHeaders(headers: readonly unknown[]): {
  columns: Map<number, string>;
  missing: LedgerColumn[];
  unknown: string[];
} {
  const columns = new Map<number, string>();
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const text = cellText(h);
    if (!text) return;
    const key = HEADER_INDEX.get(headerKey(text));
    if (key && ![...columns.values()].includes(key)) columns.set(i, key);
    else if (!key) unknown.push(text);
  });
  const present = new Set(columns.values());
  return { columns, missing: LEDGER_COLUMNS.filter((c) => c.required && !present.has(c.key)), unknown };
}

/** Text of an exceljs cell value (rich text, hyperlinks, formula results), trimmed; numbers as written. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date)
    return formatIsoDate({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return cellText(o.richText.map((r) => r.text).join(''));
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return String(v);
}

/** A date cell: a real date, an Excel serial number (1900 system), or a text date in ledger spellings. */
export function cellDate(v: unknown): string | null {
  if (v instanceof Date) return cellText(v);
  if (typeof v === 'number' && v > 0 && v < 100000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000);
    return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  const t = normalizeDigits(cellText(v));
  if (!t) return null;
  if (/^\d{5}$/.test(t)) return cellDate(Number(t));
  return parseLooseDate(t);
}

/** A problem with one cell; `column` is the header text as the clerk sees it. */
export interface LedgerProblem {
  column: string;
  code: string;
  message: LocalizedText;
}

const invert = <T extends string>(labels: Readonly<Record<T, string>>, extra: Record<string, T> = {}) => {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(labels) as [T, string][]) {
    m.set(v, k);
    m.set(k, k);
  }
  for (const [k, v] of Object.entries(extra)) m.set(k, v);
  return m;
};
const RELATIONS = invert(RELATION_LABELS, {
  本人: 'head',
  妻: 'spouse',
  夫: 'spouse',
  子: 'son',
  女: 'daughter',
  儿媳: 'daughterInLaw',
  女婿: 'sonInLaw',
  孙子: 'grandson',
  孙女: 'granddaughter',
  父亲: 'father',
  母亲: 'mother',
});
const HEALTH = invert(HEALTH_STATUS_LABELS, { 残疾: 'healthy', 大病: 'serious', 慢性病: 'chronic' });
const LABOUR = invert(LABOUR_CAPACITY_LABELS, { 弱劳动力: 'weak', 半劳动力: 'weak' });
const SCHOOLING = invert(SCHOOLING_STATUS_LABELS, { 在校生: 'primary' });
const TYPES = new Map<string, string>(
  MONITORING_TYPES.flatMap((t) => [[t.zh, t.code] as [string, string], [t.code, t.code]]),
);
const YES = new Set(['是', '有', 'Y', 'y', '1', 'true', 'TRUE', '√']);
const NO = new Set(['否', '无', 'N', 'n', '0', 'false', 'FALSE', '×']);

/** The column header a key is shown under. */
export function headerOf(key: string): string {
  return LEDGER_COLUMNS.find((c) => c.key === key)?.header ?? key;
}

/** Household-level fields of one row (taken from the head's row). */
export type LedgerHousehold = Omit<HouseholdCreate, 'members'> & { declaredSize: number | null };

/**
 * Parses one ledger row into a member and household fields, collecting every problem with its column
 * (R10 import: "report each error located"). Full-width digits and stray spaces are tolerated; an ID
 * number that went through Excel as a number is a clear, unrecoverable error.
 */
export function parseLedgerRow(cells: ReadonlyMap<string, unknown>): {
  household: LedgerHousehold;
  member: MemberInput | null;
  problems: LedgerProblem[];
} {
  const problems: LedgerProblem[] = [];
  const add = (key: string, code: string, zh: string, en: string) =>
    problems.push({ column: headerOf(key), code, message: { zh, en } });
  const text = (key: string) => cellText(cells.get(key));
  const digits = (key: string) => normalizeDigits(text(key));
  const opt = (key: string) => text(key) || null;
  const coded = <T extends string>(key: string, map: Map<string, T>, required: boolean): T | null => {
    const v = text(key).replace(/\s/g, '');
    if (!v) {
      if (required) add(key, 'required', `${headerOf(key)}不能为空`, `${headerOf(key)} is required`);
      return null;
    }
    const c = map.get(v);
    if (!c)
      add(
        key,
        'code.unknown',
        `「${v}」不是${headerOf(key)}的有效取值`,
        `Not a valid value of ${headerOf(key)}`,
      );
    return c ?? null;
  };
  const yesNo = (key: string): boolean | null => {
    const v = text(key);
    if (!v) return null;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    add(key, 'yesno', `${headerOf(key)}应填“是”或“否”`, `${headerOf(key)} must be 是 or 否`);
    return null;
  };

  const regionCode = digits('regionCode');
  if (!/^\d{12}$/.test(regionCode))
    add('regionCode', 'region.format', '行政区划代码应为 12 位数字', 'The division code has 12 digits');
  const attribute = text('attribute');
  if (!(HOUSEHOLD_ATTRIBUTES as readonly string[]).includes(attribute) && attribute)
    add('attribute', 'code.unknown', `「${attribute}」不是有效的户属性`, 'Not a valid household attribute');
  const exitFlag = text('povertyExitFlag') || null;
  if (exitFlag && !(POVERTY_EXIT_FLAGS as readonly string[]).includes(exitFlag))
    add(
      'povertyExitFlag',
      'code.unknown',
      `「${exitFlag}」不是有效的脱贫标志`,
      'Not a valid poverty-exit flag',
    );
  const monitoringType = coded('monitoringType', TYPES, false);
  let monitoringSince: string | null = null;
  const since = digits('monitoringSince').replace(/[-/.年月]/g, '');
  if (since) {
    if (/^\d{6}$/.test(since)) monitoringSince = since;
    else add('monitoringSince', 'date.format', '识别监测时间应为 YYYYMM', 'Expected YYYYMM');
  }
  const declared = digits('declaredSize');
  let declaredSize: number | null = null;
  if (declared) {
    declaredSize = Number(declared);
    if (!Number.isInteger(declaredSize) || declaredSize < 1) {
      add('declaredSize', 'number', '家庭人口数应为正整数', 'Household size must be a positive integer');
      declaredSize = null;
    }
  }

  // The ID number: a number cell of 18 digits can never be trusted (Excel keeps 15 significant digits).
  const rawId = cells.get('idNumber');
  const lost = detectPrecisionLoss(typeof rawId === 'number' ? rawId : cellText(rawId));
  if (lost) add('idNumber', lost.code, lost.message.zh, lost.message.en);
  const idNumber = typeof rawId === 'number' && !lost ? String(rawId) : digits('idNumber');
  if (!idNumber && !lost) add('idNumber', 'required', '证件号码不能为空', 'The ID number is required');

  let birthDate: string | undefined;
  if (cells.get('birthDate') !== undefined && text('birthDate')) {
    const d = cellDate(cells.get('birthDate'));
    if (d) birthDate = d;
    else add('birthDate', 'date.format', '出生日期无法识别', 'The birth date could not be read');
  }
  const sexText = text('sex');
  const sex = sexText === '男' || sexText === '女' ? sexText : undefined;
  if (sexText && !sex) add('sex', 'code.unknown', '性别应为“男”或“女”', 'Sex must be 男 or 女');
  const relation = coded('relation', RELATIONS, true);
  const health = coded('health', HEALTH, true);
  const labour = coded('labour', LABOUR, true);
  const schooling = coded('schooling', SCHOOLING, false);
  const monthsText = digits('workMonths');
  let workMonths: number | null = null;
  if (monthsText) {
    workMonths = Number(monthsText);
    if (!Number.isInteger(workMonths) || workMonths < 0 || workMonths > 12) {
      add('workMonths', 'number', '务工时间应为 0–12 的整数（月）', 'Months of work must be 0–12');
      workMonths = null;
    }
  }
  const name = text('name');
  if (!name) add('name', 'required', '姓名不能为空', 'The name is required');

  const household: LedgerHousehold = {
    regionCode,
    householdNo: opt('householdNo'),
    villageGroup: opt('villageGroup'),
    address: opt('address'),
    attribute: attribute as LedgerHousehold['attribute'],
    povertyExitFlag: exitFlag as LedgerHousehold['povertyExitFlag'],
    monitoringType: monitoringType as LedgerHousehold['monitoringType'],
    monitoringSince,
    phone: digits('householdPhone') || null,
    bankName: opt('bankName'),
    bankAccount: digits('bankAccount') || null,
    assistPerson: opt('assistPerson'),
    declaredSize,
  };
  const medicalInsurance = yesNo('medicalInsurance');
  const criticalIllnessInsurance = yesNo('criticalIllnessInsurance');
  const pensionInsurance = yesNo('pensionInsurance');
  if (problems.length > 0 || !relation || !health || !labour) return { household, member: null, problems };
  const candidate = {
    name,
    idNumber,
    sex,
    birthDate,
    relation,
    ethnicity: opt('ethnicity'),
    education: opt('education'),
    schooling,
    health,
    disabilityCertificate: digits('disabilityCertificate') || null,
    labour,
    workStatus: opt('workStatus'),
    workMonths,
    workPlace: opt('workPlace'),
    medicalInsurance,
    criticalIllnessInsurance,
    pensionInsurance,
    phone: digits('phone') || null,
  };
  const parsed = MemberInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'name');
      add(key, 'invalid', `${headerOf(key)}：${issue.message}`, `${headerOf(key)}: ${issue.message}`);
    }
    return { household, member: null, problems };
  }
  return { household, member: parsed.data, problems };
}

/** A cell that a spreadsheet would run as a formula (= + - @) is written as text (CSV/formula injection). */
export function neutraliseCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** Member fields the form edits that have no ledger column, named as the form names them. */
const MEMBER_FORM_FIELDS: Readonly<Record<string, string>> = {
  outOfSchoolForHealth: '因身体原因不在校',
  familyDoctor: '家庭医生签约',
  specialHardship: '特困供养人员',
  hasLegalSupporterAbleToSupport: '法定赡养人能否履行义务',
  deepGroupsManual: '手工认定困难群体',
};

/** A member field as a clerk names it (the ledger's header where it has one): for timelines. */
export function memberFieldLabel(key: string): string {
  return (
    LEDGER_COLUMNS.find((c) => c.key === key && c.level === 'member')?.header ??
    MEMBER_FORM_FIELDS[key] ??
    key
  );
}
