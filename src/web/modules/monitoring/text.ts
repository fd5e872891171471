import { useCallback } from 'react';
import { useI18n } from '../../i18n/useI18n';

/**
 * Strings of the dynamic-monitoring page. Kept beside the module (not in the shared dictionary) so
 * parallel streams do not edit one file at once; same rules: Chinese first, `en` has the same keys.
 */
const zh = {
  'mon.title': '动态监测',
  'mon.description': '年度监测参数、各镇(街)监测预警清单和深度困难群体',
  'mon.year': '年度',
  'mon.yearN': '{year} 年',
  'mon.notConfigured': '未设置',
  'mon.config': '年度监测参数',
  'mon.configMissing': '{year} 年度监测参数尚未设置，该年的家庭不作预警评估',
  'mon.configMissingAdmin': '{year} 年度监测参数尚未设置。可参照上一年度的参数进行设置',
  'mon.edit': '修改参数',
  'mon.create': '设置参数',
  'mon.editTitle': '{year} 年度监测参数',
  'mon.saveNote': '保存后将按新参数立即重新评估该年度所有家庭',
  'mon.savedResult': '已保存，按新参数重新评估 {n} 户，其中 {flagged} 户触发预警',
  'mon.reevaluate': '重新评估',
  'mon.reevaluateTitle': '重新评估 {year} 年度所有家庭？',
  'mon.reevaluateText': '按当前参数重新计算每户的“一达标两不愁三保障”和预警规则，结果替换原有评估',
  'mon.reevaluateOffer': '参数已保存。录入的收支有更新时，也可随时对该年度重新评估',
  'mon.reevaluated': '已重新评估 {evaluated} 户，{flagged} 户触发预警，用时 {seconds} 秒',
  'mon.lastRun': '最近一次评估',
  'mon.evaluated': '评估户数',
  'mon.time': '用时',
  'mon.readOnlyNote': '年度参数由区帮扶办设置',
  // Form fields
  'mon.f.povertyLine': '贫困线（元/人·年）',
  'mon.f.monitoringMultiple': '监测线倍数',
  'mon.f.monitoringLine': '监测线',
  'mon.f.rigid': '刚性支出较大',
  'mon.f.rigidShare': '超过家庭纯收入的比例（%）',
  'mon.f.rigidAmount': '或超过金额（元）',
  'mon.f.rigidAfter': '且支出后人均纯收入低于监测线',
  'mon.f.rigidHint': '比例和金额至少填一项，留空表示不用该条件',
  'mon.f.drop': '收入大幅缩减',
  'mon.f.dropShare': '人均纯收入比上年减少超过（%）',
  'mon.f.dropBelow': '且低于监测线',
  'mon.f.water': '饮水安全',
  'mon.f.litres': '每人每天水量（升）',
  'mon.f.litresShort': '缺水地区（升）',
  'mon.f.fetch': '取水往返不超过（分钟）',
  'mon.f.cut': '全年停水不超过（天）',
  'mon.f.education': '义务教育年龄（周岁）',
  'mon.f.eduMin': '下限',
  'mon.f.eduMax': '上限',
  'mon.f.exit': '退出监测须连续高于监测线（月）',
  // Watch list
  'mon.watch': '监测预警清单',
  'mon.watchDescription': '{year} 年各镇(街)触发预警的家庭，按规则计数；点击数字查看家庭名单',
  'mon.watchVillage': '{year} 年本村触发预警的家庭，按规则计数；点击数字查看家庭名单',
  'mon.watchNoYear': '{year} 年度未设置监测参数，没有预警',
  'mon.town': '镇(街)',
  'mon.households': '户数',
  'mon.evaluatedCol': '已评估',
  'mon.flagged': '预警',
  'mon.flaggedAria': '{town}：预警 {n} 户',
  'mon.monitored': '监测中',
  'mon.flaggedNotMonitored': '预警未纳入',
  'mon.byCriterion': '各项指标未保障',
  'mon.totalFlagged': '合计预警 {n} 户',
  'mon.emptyTowns': '没有可显示的家庭',
  'mon.chart': '各镇(街)预警户数',
  // Deep difficulty
  'mon.deep': '深度困难群体',
  'mon.deepDescription': '失能、重病、重残、特困群体的户数（人数），及尚无针对性帮扶措施的户数',
  'mon.deepHouseholds': '{n} 户',
  'mon.deepMembers': '{n} 人',
  'mon.withoutMeasure': '无措施 {n} 户',
  'mon.withoutMeasureTitle': '尚无针对性措施',
  'mon.deepNote': '“无措施”按本群体计：该户没有针对此群体的措施；家庭列表的“无针对性措施”筛选按整户计',
  'mon.all': '合计',
};

const en: Record<keyof typeof zh, string> = {
  'mon.title': 'Dynamic monitoring',
  'mon.description': "The year's thresholds, each town's watch list and the deep-difficulty groups",
  'mon.year': 'Year',
  'mon.yearN': '{year}',
  'mon.notConfigured': 'not set',
  'mon.config': "Year's monitoring thresholds",
  'mon.configMissing': 'No thresholds for {year}: households of that year are not evaluated',
  'mon.configMissingAdmin': "No thresholds for {year} yet. Set them, starting from the previous year's",
  'mon.edit': 'Edit thresholds',
  'mon.create': 'Set thresholds',
  'mon.editTitle': 'Monitoring thresholds {year}',
  'mon.saveNote': 'Saving re-evaluates every household of the year with the new thresholds',
  'mon.savedResult': 'Saved; {n} households re-evaluated, {flagged} flagged',
  'mon.reevaluate': 'Re-evaluate',
  'mon.reevaluateTitle': 'Re-evaluate every household of {year}?',
  'mon.reevaluateText':
    'Recomputes each household’s assessment and monitoring rules with the current thresholds, replacing the previous results',
  'mon.reevaluateOffer':
    'Thresholds saved. When recorded economics change you can re-evaluate the year at any time',
  'mon.reevaluated': '{evaluated} households re-evaluated, {flagged} flagged, in {seconds} s',
  'mon.lastRun': 'Last evaluation',
  'mon.evaluated': 'Evaluated',
  'mon.time': 'Time',
  'mon.readOnlyNote': 'The district office sets the thresholds',
  'mon.f.povertyLine': 'Poverty line (yuan per person per year)',
  'mon.f.monitoringMultiple': 'Monitoring-line multiple',
  'mon.f.monitoringLine': 'Monitoring line',
  'mon.f.rigid': 'Large rigid expenditure',
  'mon.f.rigidShare': 'Share of household net income above (%)',
  'mon.f.rigidAmount': 'or amount above (yuan)',
  'mon.f.rigidAfter': 'and per-capita income after it below the monitoring line',
  'mon.f.rigidHint': 'Fill in the share, the amount or both; empty means the condition is not used',
  'mon.f.drop': 'Sharp income drop',
  'mon.f.dropShare': 'Per-capita income fell by more than (%)',
  'mon.f.dropBelow': 'and is below the monitoring line',
  'mon.f.water': 'Safe drinking water',
  'mon.f.litres': 'Litres per person per day',
  'mon.f.litresShort': 'Water-short areas (litres)',
  'mon.f.fetch': 'Round trip for water at most (minutes)',
  'mon.f.cut': 'Supply cut at most (days a year)',
  'mon.f.education': 'Compulsory schooling ages',
  'mon.f.eduMin': 'From',
  'mon.f.eduMax': 'To',
  'mon.f.exit': 'Months above the line before exit',
  'mon.watch': 'Watch list',
  'mon.watchDescription': 'Flagged households of {year} per town and rule; click a figure for the households',
  'mon.watchVillage':
    'Flagged households of {year} in your village per rule; click a figure for the households',
  'mon.watchNoYear': 'No thresholds for {year}, so no flags',
  'mon.town': 'Town',
  'mon.households': 'Households',
  'mon.evaluatedCol': 'Evaluated',
  'mon.flagged': 'Flagged',
  'mon.flaggedAria': '{town}: {n} flagged',
  'mon.monitored': 'Monitored',
  'mon.flaggedNotMonitored': 'Flagged, not monitored',
  'mon.byCriterion': 'Unmet criteria',
  'mon.totalFlagged': '{n} flagged in all',
  'mon.emptyTowns': 'No households to show',
  'mon.chart': 'Flagged households per town',
  'mon.deep': 'Deep-difficulty groups',
  'mon.deepDescription':
    'Households (people) per group — incapacitated, seriously ill, severely disabled, special hardship — and those without a targeted measure',
  'mon.deepHouseholds': '{n} hh',
  'mon.deepMembers': '{n} people',
  'mon.withoutMeasure': '{n} without measure',
  'mon.withoutMeasureTitle': 'Without a targeted measure',
  'mon.deepNote':
    '"Without measure" counts per group (no measure for this group); the household list\'s filter counts per household',
  'mon.all': 'All',
};

export type MonKey = keyof typeof zh;
const DICTS = { zh, en } as const;

/** `mt('mon.title')`: the module's strings in the interface language, with `{name}` placeholders. */
export function useMt() {
  const { lang } = useI18n();
  return useCallback(
    (key: MonKey, params?: Record<string, string | number>) => {
      const template: string = DICTS[lang][key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
    [lang],
  );
}
