import type { LocalizedText } from '../../../core/errors/errors';
import type { YearConfig } from '../../../core/monitoring/config';
import { DEEP_DIFFICULTY_TEXT, type DeepDifficultyGroup } from '../../../core/monitoring/deepDifficulty';
import { formatNumber, formatPercent, formatYuan, round2 } from '../../../core/monitoring/format';
import { monitoringLineOf } from '../../../core/monitoring/income';
import { flagRuleText, type MonitoringRule } from '../../../core/monitoring/rules';

/** One threshold of a year in plain words, e.g. 监测线 = 1.5 × 4,000 = 6,000 元. */
export interface ThresholdLine {
  key: 'povertyLine' | 'monitoringLine' | 'rigidExpenditure' | 'incomeDrop' | 'water' | 'education' | 'exit';
  label: LocalizedText;
  text: LocalizedText;
}

/** 监测线 = 1.5 × 4,000 = 6,000 元 (the right-hand side, per person per year). */
export function monitoringLineText(povertyLine: number, multiple: number): LocalizedText {
  // The same rounding as core's monitoringLineOf, which wants a whole year's configuration.
  const line = round2(povertyLine * multiple);
  const sum = `${formatNumber(multiple)} × ${formatYuan(povertyLine)} = ${formatYuan(line)}`;
  return { zh: `${sum} 元/人·年`, en: `${sum} yuan per person per year` };
}

/**
 * The year's thresholds as a clerk reads them; the wording follows the rules in `core/monitoring`
 * (a rigid expenditure counts when it exceeds the share OR the amount; "and" is the after-expenditure check).
 */
export function describeThresholds(c: YearConfig): ThresholdLine[] {
  const line = monitoringLineOf(c);
  const poverty = formatYuan(c.povertyLine);
  const r = c.rigidExpenditure;
  const overZh: string[] = [];
  const overEn: string[] = [];
  if (r.shareOfHouseholdNetIncome !== null) {
    overZh.push(`超过家庭纯收入的 ${formatPercent(r.shareOfHouseholdNetIncome)}`);
    overEn.push(`more than ${formatPercent(r.shareOfHouseholdNetIncome)} of household net income`);
  }
  if (r.absoluteAmount !== null) {
    overZh.push(`超过 ${formatYuan(r.absoluteAmount)} 元`);
    overEn.push(`more than ${formatYuan(r.absoluteAmount)} yuan`);
  }
  const lineZh = `监测线 ${formatYuan(line)} 元`;
  const lineEn = `the monitoring line (${formatYuan(line)} yuan)`;
  const d = c.incomeDrop;
  const w = c.water;
  return [
    {
      key: 'povertyLine',
      label: { zh: '贫困线', en: 'Poverty line' },
      text: { zh: `${poverty} 元/人·年`, en: `${poverty} yuan per person per year` },
    },
    {
      key: 'monitoringLine',
      label: { zh: '监测线', en: 'Monitoring line' },
      text: monitoringLineText(c.povertyLine, c.monitoringMultiple),
    },
    {
      key: 'rigidExpenditure',
      label: { zh: '刚性支出较大', en: 'Large rigid expenditure' },
      text: {
        zh: `医疗、教育、灾害等刚性支出${overZh.join(' 或')}${r.requireAfterExpenditureBelowLine ? `，且支出后人均纯收入低于${lineZh}` : ''}`,
        en: `Medical, schooling, disaster and other rigid costs ${overEn.join(' or ')}${r.requireAfterExpenditureBelowLine ? `, and per-capita income after them below ${lineEn}` : ''}`,
      },
    },
    {
      key: 'incomeDrop',
      label: { zh: '收入大幅缩减', en: 'Sharp income drop' },
      text: {
        zh: `人均纯收入比上年减少超过 ${formatPercent(d.dropShare)}${d.requireBelowMonitoringLine ? `，且低于${lineZh}` : ''}`,
        en: `Per-capita income fell by more than ${formatPercent(d.dropShare)} on the previous year${d.requireBelowMonitoringLine ? ` and is below ${lineEn}` : ''}`,
      },
    },
    {
      key: 'water',
      label: { zh: '饮水安全', en: 'Safe drinking water' },
      text: {
        zh: `每人每天不少于 ${formatNumber(w.litresPerPersonDay)} 升（缺水地区 ${formatNumber(w.litresPerPersonDayWaterShort)} 升），取水往返不超过 ${formatNumber(w.maxFetchMinutes)} 分钟，全年停水不超过 ${formatNumber(w.maxSupplyCutDaysPerYear)} 天`,
        en: `At least ${formatNumber(w.litresPerPersonDay)} litres per person per day (${formatNumber(w.litresPerPersonDayWaterShort)} in water-short areas), a round trip for water of at most ${formatNumber(w.maxFetchMinutes)} minutes, supply cut at most ${formatNumber(w.maxSupplyCutDaysPerYear)} days a year`,
      },
    },
    {
      key: 'education',
      label: { zh: '义务教育年龄', en: 'Compulsory schooling' },
      text: {
        zh: `${c.compulsoryEducationAge.min}–${c.compulsoryEducationAge.max} 周岁须在校`,
        en: `Aged ${c.compulsoryEducationAge.min} to ${c.compulsoryEducationAge.max} must be in school`,
      },
    },
    {
      key: 'exit',
      label: { zh: '风险消除', en: 'Risk elimination' },
      text: {
        zh: `人均纯收入连续 ${c.exit.minMonthsAboveRange} 个月以上稳定高于监测线方可退出监测`,
        en: `Income above the monitoring line for at least ${c.exit.minMonthsAboveRange} months before exit`,
      },
    },
  ];
}

const RULE_SHORT: Record<MonitoringRule, LocalizedText> = {
  incomeBelowMonitoringLine: { zh: '低于监测线', en: 'Below line' },
  rigidExpenditure: { zh: '刚性支出大', en: 'Rigid costs' },
  incomeDrop: { zh: '收入骤减', en: 'Income drop' },
  criterionNotMet: { zh: '两不愁三保障等', en: 'Basic needs' },
  noLabourCapacity: { zh: '无劳动能力', en: 'No labour' },
};

/** A rule's name short enough for a column header (the full name goes in its tooltip). */
export function ruleShortText(rule: MonitoringRule): LocalizedText {
  return RULE_SHORT[rule];
}

/** The watch list's main rule columns, in the order of the rules. */
export const WATCH_RULES: readonly MonitoringRule[] = [
  'incomeBelowMonitoringLine',
  'rigidExpenditure',
  'incomeDrop',
  'criterionNotMet',
  'noLabourCapacity',
];

/** A stored flag rule in words: `criterionNotMet:housing` names the criterion that is not secured. */
export const ruleText = flagRuleText;

/** The per-criterion entries (`criterionNotMet:<criterion>`) of a town's rule counts, largest first. */
export function criterionBreakdown(byRule: Record<string, number>): { rule: string; count: number }[] {
  return Object.entries(byRule)
    .filter(([rule]) => rule.startsWith('criterionNotMet:'))
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** Filters of the household list that the monitoring page links to (`/households?…`). */
export interface HouseholdLinkFilter {
  year?: number;
  flagged?: boolean;
  flagRule?: string;
  regionCode?: string;
  deepGroup?: string;
  withoutMeasure?: boolean;
}

/** The household list pre-filtered, e.g. `/households?year=2020&flagged=true&regionCode=…&flagRule=incomeDrop`. */
export function householdsLink(f: HouseholdLinkFilter): string {
  const params = new URLSearchParams();
  if (f.year !== undefined) params.set('year', String(f.year));
  if (f.flagged) params.set('flagged', 'true');
  if (f.regionCode) params.set('regionCode', f.regionCode);
  if (f.flagRule) params.set('flagRule', f.flagRule);
  if (f.deepGroup) params.set('deepGroup', f.deepGroup);
  if (f.withoutMeasure) params.set('withoutMeasure', 'true');
  const qs = params.toString();
  return qs ? `/households?${qs}` : '/households';
}

/** Years a user may pick: from ten years back to next year, newest first, plus any configured outside that. */
export function yearChoices(currentYear: number, configured: readonly number[]): number[] {
  const years = new Set<number>(configured);
  for (let y = currentYear + 1; y >= currentYear - 10; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** A year from the address (`?year=2020`), or null when missing or not a plausible year. */
export function yearFromUrl(value: string | null): number | null {
  const n = value === null || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}

/**
 * The year to show first: the one in the address when valid, else the latest configured year,
 * else the current year.
 */
export function initialYear(
  fromUrl: string | null,
  configured: readonly number[],
  currentYear: number,
): number {
  return yearFromUrl(fromUrl) ?? (configured.length ? Math.max(...configured) : currentYear);
}

/** An R12 group's name (失能 / 重病 / 重残 / 特困). */
export function deepGroupText(group: DeepDifficultyGroup): LocalizedText {
  return DEEP_DIFFICULTY_TEXT[group];
}
