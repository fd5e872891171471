import { assessHousehold } from '../monitoring/assessment';
import type { Criterion } from '../monitoring/criteria';
import type { YearConfig } from '../monitoring/config';
import type {
  FoodClothingFacts,
  HouseholdEconomics,
  HousingFacts,
  MemberFacts,
  WaterFacts,
} from '../monitoring/facts';
import { evaluateMonitoringDetailed, type MonitoringFlag, type NotEvaluated } from '../monitoring/rules';
import { FORMERLY_POOR_ATTRIBUTES } from './households.schemas';

/**
 * The rules' version: raise it with any change to src/core/monitoring or this file that changes a stored
 * result (a verdict, a flag, an explanation text). It is part of the digest a bulk run compares with the
 * one it last evaluated a year with, so the next run re-derives every row of every year.
 */
export const RULES_VERSION = 2;

/** Everything one household-year evaluation needs (all facts, no personal data). */
export interface HouseholdYearFacts {
  config: YearConfig;
  asOf: string;
  members: readonly MemberFacts[];
  econ: HouseholdEconomics;
  housing: HousingFacts;
  water: WaterFacts;
  foodClothing: FoodClothingFacts;
  previousYearPerCapita: number | null;
  attribute: string;
  povertyExitFlag: string | null;
}

/** The stored result of one household-year: explained criteria, explained flags, what lacked data. */
export interface HouseholdYearEvaluation {
  householdSize: number;
  perCapitaNetIncome: number;
  assessment: Criterion[];
  flags: MonitoringFlag[];
  notEvaluated: NotEvaluated[];
  flagRules: string[];
  flagged: boolean;
}

/** A household that was poor before becomes 脱贫不稳定户 when at risk; others 边缘易致贫户 (R10). */
export function isFormerlyPoor(attribute: string, povertyExitFlag: string | null): boolean {
  return (
    FORMERLY_POOR_ATTRIBUTES.includes(attribute) ||
    (povertyExitFlag !== null && povertyExitFlag !== '未脱贫' && povertyExitFlag.startsWith('已脱贫')) ||
    povertyExitFlag === '返贫'
  );
}

/**
 * Assesses one household-year against 一达标两不愁三保障 and water, then applies the monitoring rules
 * (R10): the same function serves a single change and the bulk re-evaluation.
 */
export function evaluateHouseholdYear(f: HouseholdYearFacts): HouseholdYearEvaluation {
  const assessment = assessHousehold({
    config: f.config,
    asOf: f.asOf,
    members: f.members,
    econ: f.econ,
    housing: f.housing,
    water: f.water,
    foodClothing: f.foodClothing,
  });
  const result = evaluateMonitoringDetailed({
    config: f.config,
    members: f.members,
    econ: f.econ,
    previousYearPerCapita: f.previousYearPerCapita,
    assessment,
    formerlyPoor: isFormerlyPoor(f.attribute, f.povertyExitFlag),
  });
  const flagRules = [
    ...new Set(result.flags.map((fl) => (fl.criterionKey ? `${fl.rule}:${fl.criterionKey}` : fl.rule))),
  ];
  for (const fl of result.flags) if (fl.criterionKey && !flagRules.includes(fl.rule)) flagRules.push(fl.rule);
  return {
    householdSize: f.members.length,
    perCapitaNetIncome: result.perCapitaNetIncome,
    assessment,
    flags: result.flags,
    notEvaluated: result.notEvaluated,
    flagRules: flagRules.sort(),
    flagged: result.flags.length > 0,
  };
}

/**
 * What is stored of an evaluation: verdicts, values and which rules flagged, never a threshold's value
 * or an explanation text (both are re-derived on read with the year's thresholds: explainYear). So a
 * household's stored result changes with the thresholds only where a verdict does, which is what lets a
 * threshold change re-evaluate only the households near it (threshold-probes.ts).
 */
export function storedResultOf(e: HouseholdYearEvaluation) {
  return {
    householdSize: e.householdSize,
    perCapitaNetIncome: e.perCapitaNetIncome,
    assessment: e.assessment.map((c) => ({ key: c.key, verdict: c.verdict, value: c.value })),
    flags: e.flags.map((f) =>
      f.criterionKey
        ? { rule: f.rule, criterionKey: f.criterionKey, suggestedType: f.suggestedType }
        : { rule: f.rule, suggestedType: f.suggestedType },
    ),
    notEvaluated: e.notEvaluated.map((n) =>
      n.criterionKey ? { rule: n.rule, criterionKey: n.criterionKey } : { rule: n.rule },
    ),
    flagRules: e.flagRules,
    flagged: e.flagged,
  };
}
export type StoredResult = ReturnType<typeof storedResultOf>;
