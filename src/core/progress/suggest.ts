/**
 * A first guess at how an extracted target is measured, for the person confirming the draft plan
 * (they can change it). Keyword rules over the indicator's name and sentence; when no record type
 * fits, a manual figure with evidence.
 */
import type { ActivityType } from '../activities/activities.schemas';
import type { ExtractedIndicator, ExtractedPlan } from '../plan/plan.schemas';
import type { IndicatorScope, PlanCreate, Suggestion } from '../plan/plan-model.schemas';
import type { Measurement, RecordFilter } from './measurement';

interface Rule {
  re: RegExp;
  type: ActivityType;
  filter?: RecordFilter;
  /** Count days, not records (purchasing trips). */
  distinctDays?: boolean;
}

/** First match wins: the specific phrases before the general ones. */
const RULES: Rule[] = [
  { re: /集中采购/, type: 'consumption_purchase', filter: { centralisedTrip: true }, distinctDays: true },
  { re: /转移.*就业/, type: 'employment_placement', filter: { mode: 'transfer' } },
  { re: /就地就近就业|就近就业/, type: 'employment_placement', filter: { mode: 'local' } },
  { re: /就业/, type: 'employment_placement' },
  { re: /带头人培训/, type: 'training', filter: { kind: 'entrepreneur_leader' } },
  { re: /培训/, type: 'training' },
  { re: /产业基地/, type: 'industry_base' },
  { re: /合作组织|龙头企业/, type: 'cooperation_org' },
  { re: /挂职/, type: 'cadre_secondment' },
  { re: /人才/, type: 'talent_support' },
  { re: /捐/, type: 'donation' },
  { re: /消费扶贫|采购/, type: 'consumption_purchase' },
  { re: /医疗救助/, type: 'medical_aid' },
  { re: /志愿|义诊|留守儿童|孤寡老人/, type: 'volunteer_event' },
  { re: /招商|投资/, type: 'investment' },
  { re: /园区/, type: 'park_exchange' },
  { re: /人居环境|村容村貌|公共卫生/, type: 'rural_revitalisation' },
  { re: /学习/, type: 'study_session' },
];

const MONEY = new Set(['元', '万元', '亿元']);
const PERSON_TYPES = new Set<ActivityType>(['employment_placement']);

function scopeOf(per: ExtractedIndicator['per']): IndicatorScope {
  return per === 'town' ? 'town' : per === 'unit' ? 'unit' : 'district';
}

/** Proposes a measurement and scope for an extracted indicator. */
export function suggestMeasurement(indicator: ExtractedIndicator): Suggestion {
  const scope = scopeOf(indicator.per);
  const name = indicator.name;
  if (/调研|联系|走访/.test(name)) {
    const level = /镇|街/.test(name) ? 'town' : /市/.test(name) ? 'city' : 'district';
    return {
      measurement: { kind: 'count', recordType: 'leadership_visit', filter: { visitorLevel: level } },
      scope: level === 'town' ? 'town' : scope,
      reason: `“${name}”：领导调研走访记录（${level}级）计数`,
    };
  }
  if (indicator.unit === '%' || /率/.test(name) || /资金/.test(name)) {
    return {
      measurement: { kind: 'manual' },
      scope: 'district',
      reason: `“${name}”：暂无对应的记录类型，由帮扶办填报数值并附佐证`,
    };
  }
  const rule = RULES.find((r) => r.re.test(name)) ?? RULES.find((r) => r.re.test(indicator.sourceText));
  if (!rule) {
    return {
      measurement: { kind: 'manual' },
      scope: 'district',
      reason: `“${name}”：未识别出记录类型，由帮扶办填报数值并附佐证`,
    };
  }
  const filter = rule.filter ?? {};
  let measurement: Measurement;
  if (MONEY.has(indicator.unit)) {
    measurement = { kind: 'sum', recordType: rule.type, filter, field: 'amountYuan' };
  } else if (indicator.unit === '人' && PERSON_TYPES.has(rule.type)) {
    measurement = { kind: 'distinct_people', recordType: rule.type, filter };
  } else if (indicator.unit === '人' || indicator.unit === '人次') {
    measurement = { kind: 'sum', recordType: rule.type, filter, field: 'peopleCount' };
  } else {
    measurement = {
      kind: 'count',
      recordType: rule.type,
      filter,
      distinctOn: rule.distinctDays ? 'date' : null,
    };
  }
  return { measurement, scope, reason: `“${name}”匹配“${rule.re.source}”：${rule.type}` };
}

/**
 * A confirmed plan from a draft, taking every suggestion as proposed (what the office gets when it
 * accepts the draft unchanged; the demo loads the 2020 plan this way).
 */
export function acceptDraft(
  draft: ExtractedPlan,
  overrides: { year?: number; title?: string } = {},
): PlanCreate {
  const year = overrides.year ?? draft.year;
  if (!year) throw new RangeError('acceptDraft: the plan year is unknown');
  return {
    year,
    title: overrides.title ?? draft.title ?? `${year}年工作要点`,
    sections: draft.sections.map((s) => ({
      ref: s.ref,
      number: s.number,
      level: s.level,
      title: s.title,
      clauses: s.clauses.map((c) => ({
        ref: c.ref,
        number: c.number,
        title: c.title,
        text: c.text,
        indicators: c.indicators.map((i) => {
          const suggestion = suggestMeasurement(i);
          return {
            name: i.name,
            measurement: suggestion.measurement,
            comparison: i.comparison,
            value: i.value,
            valueMax: i.valueMax,
            unit: i.unit,
            deadline: i.deadline,
            scope: suggestion.scope,
            coUnitIds: [],
            sourceText: i.sourceText,
          };
        }),
      })),
    })),
  };
}
