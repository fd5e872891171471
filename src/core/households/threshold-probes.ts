import { ageOn } from '../identity/dates';
import type { YearConfig } from '../monitoring/config';
import { fen, round2 } from '../monitoring/format';
import {
  householdNetIncome,
  monitoringLineOf,
  perCapitaNetIncome,
  rigidExpenditureTotal,
} from '../monitoring/income';
import type { HouseholdYearFacts } from './evaluate';

/**
 * Which households a change of the year's thresholds can affect (the bulk re-evaluation's shortcut).
 *
 * Every threshold of a year's config is compared with a quantity of the household (per-capita income
 * with the poverty and monitoring lines, a member's age with the compulsory-education ages, litres of
 * water with the water standard, …), and each comparison is monotone in the threshold: its outcome flips
 * once, at a threshold value near the household's quantity. A household's stored result (verdicts,
 * flag rules, values — never a threshold's value: explanations are re-derived on read) therefore stays
 * the same when, for every comparison, the old and the new threshold lie on the same side of that flip.
 *
 * `thresholdProbes` records, per threshold, an interval that contains every flip point of the
 * household's comparisons with it (the hull of them: wider is only slower, never wrong), and is stored
 * with the result. `thresholdChange` turns an old and a new config into the ranges each threshold moved
 * over; a household is a candidate when one of its intervals meets the moved range of its threshold.
 * A change the ranges cannot express (a rule switched on or off, an amount set or cleared) asks for
 * every row. The property test (threshold-probes.test.ts) checks, over random households and random
 * changes, that every household whose result changes is a candidate: a rule that compares a new
 * quantity with a threshold must add its probe here.
 */
export const THRESHOLD_NAMES = [
  'povertyLine',
  'monitoringLine',
  'rigidShare',
  'rigidAmount',
  'dropShare',
  'waterLitres',
  'waterLitresShort',
  'waterFetchMinutes',
  'waterCutDays',
  'educationMinAge',
  'educationMaxAge',
] as const;
export type ThresholdName = (typeof THRESHOLD_NAMES)[number];

/**
 * The quantities probed, each compared with one threshold. Per-capita income after a rigid expenditure
 * has a probe of its own beside per-capita income: both meet the monitoring line, but the hull of the two
 * would span every line between them.
 */
export const PROBE_THRESHOLD = {
  povertyLine: 'povertyLine',
  monitoringLine: 'monitoringLine',
  monitoringLineAfterRigid: 'monitoringLine',
  rigidShare: 'rigidShare',
  rigidAmount: 'rigidAmount',
  dropShare: 'dropShare',
  waterLitres: 'waterLitres',
  waterLitresShort: 'waterLitresShort',
  waterFetchMinutes: 'waterFetchMinutes',
  waterCutDays: 'waterCutDays',
  educationMinAge: 'educationMinAge',
  educationMaxAge: 'educationMaxAge',
} as const satisfies Record<string, ThresholdName>;
export type ProbeKey = keyof typeof PROBE_THRESHOLD;

/** Per probe, the [low, high] interval holding every flip point of one household's comparisons. */
export type ThresholdProbes = Partial<Record<ProbeKey, [number, number]>>;

/** The probes compared with each threshold. */
export function probeKeysOf(name: ThresholdName): ProbeKey[] {
  return (Object.keys(PROBE_THRESHOLD) as ProbeKey[]).filter((k) => PROBE_THRESHOLD[k] === name);
}

/** A threshold's old and new values as a range: [min, max]. */
export type ThresholdBand = { name: ThresholdName; lo: number; hi: number };

export type ThresholdChange =
  /** Nothing a rule reads changed: no stored result can differ. */
  | { kind: 'none' }
  /** Only these thresholds moved: the rows whose probes meet a band are the candidates. */
  | { kind: 'bands'; bands: ThresholdBand[] }
  /** A change the bands cannot express: every row must be re-evaluated. */
  | { kind: 'all' };

/** One cent, the rounding of every money comparison (fen), with room for floating-point error. */
const CENT = 0.011;
/** The room left on either side of a comparison of unrounded numbers (litres, minutes, days). */
const TINY = 1e-9;

/** The thresholds of a config by name (null where the rule has no such threshold this year). */
export function thresholdValues(config: YearConfig): Record<ThresholdName, number | null> {
  return {
    povertyLine: config.povertyLine,
    monitoringLine: monitoringLineOf(config),
    rigidShare: config.rigidExpenditure.shareOfHouseholdNetIncome,
    rigidAmount: config.rigidExpenditure.absoluteAmount,
    dropShare: config.incomeDrop.dropShare,
    waterLitres: config.water.litresPerPersonDay,
    waterLitresShort: config.water.litresPerPersonDayWaterShort,
    waterFetchMinutes: config.water.maxFetchMinutes,
    waterCutDays: config.water.maxSupplyCutDaysPerYear,
    educationMinAge: config.compulsoryEducationAge.min,
    educationMaxAge: config.compulsoryEducationAge.max,
  };
}

/** The parts of a config the rules read other than the named thresholds (switches), as one comparable value. */
function switchesOf(config: YearConfig) {
  const v = thresholdValues(config);
  return JSON.stringify([
    config.rigidExpenditure.requireAfterExpenditureBelowLine,
    config.incomeDrop.requireBelowMonitoringLine,
    // An amount set or cleared changes which comparisons exist, not only where they flip.
    THRESHOLD_NAMES.map((n) => v[n] === null),
  ]);
}

/**
 * What moved from one year config to another, as far as the stored results are concerned. `exit` is
 * read by the exit check of a case (at the time of the case), not by the stored evaluation.
 */
export function thresholdChange(from: YearConfig, to: YearConfig): ThresholdChange {
  if (switchesOf(from) !== switchesOf(to)) return { kind: 'all' };
  const a = thresholdValues(from);
  const b = thresholdValues(to);
  const bands: ThresholdBand[] = [];
  for (const name of THRESHOLD_NAMES) {
    const x = a[name];
    const y = b[name];
    if (x === null || y === null || x === y) continue;
    bands.push({ name, lo: Math.min(x, y), hi: Math.max(x, y) });
  }
  return bands.length === 0 ? { kind: 'none' } : { kind: 'bands', bands };
}

/** Whether a household with these probes may have a different result after the change (bands only). */
export function probesMeet(probes: ThresholdProbes | null, bands: readonly ThresholdBand[]): boolean {
  if (probes === null) return true;
  return bands.some((b) =>
    probeKeysOf(b.name).some((k) => {
      const p = probes[k];
      return p !== undefined && p[0] <= b.hi && p[1] >= b.lo;
    }),
  );
}

/**
 * The probes of one household-year: for each threshold its facts are compared with, an interval holding
 * every flip point (see the module comment). Mirrors the comparisons of assessHousehold, assessWater and
 * evaluateMonitoringDetailed; it records a comparison even where another of the household's facts makes
 * it moot, and leaves out only those a switch of the config turns off (a switch change asks for all rows).
 */
export function thresholdProbes(f: HouseholdYearFacts): ThresholdProbes {
  const probes: ThresholdProbes = {};
  const add = (name: ProbeKey, lo: number, hi: number) => {
    const p = probes[name];
    probes[name] = p ? [Math.min(p[0], lo), Math.max(p[1], hi)] : [lo, hi];
  };
  const n = f.members.length;
  if (n === 0) return probes;
  const pc = perCapitaNetIncome(f.econ, n);
  // 一达标 (pc ≥ poverty line), the income rule, the income-drop rule's "below the line" (pc < line).
  add('povertyLine', pc - CENT, pc + CENT);
  add('monitoringLine', pc - CENT, pc + CENT);

  // 突发严重困难: total > net × share, total > amount, income after it < line.
  const total = rigidExpenditureTotal(f.econ);
  if (fen(total) > 0) {
    const net = householdNetIncome(f.econ);
    // net × share (rounded to the cent) crosses total where share ≈ total / net; for net ≤ 0 the
    // comparison holds for every share > 0.
    if (net > 0) add('rigidShare', (total - 2 * CENT) / net, (total + 2 * CENT) / net);
    add('rigidAmount', total - CENT, total + CENT);
    if (f.config.rigidExpenditure.requireAfterExpenditureBelowLine) {
      const after = round2((net - total) / n);
      add('monitoringLineAfterRigid', after - CENT, after + CENT);
    }
  }

  // 收入大幅缩减: prev − pc > prev × share.
  const prev = f.previousYearPerCapita;
  if (prev !== null && prev > 0) {
    const drop = round2(prev - pc);
    add('dropShare', (drop - 2 * CENT) / prev, (drop + 2 * CENT) / prev);
  }

  // 饮水安全: litres ≥ the (water-short area's) standard, minutes ≤ max, days ≤ max.
  const w = f.water;
  if (w.litresPerPersonDay !== null) {
    const l = w.litresPerPersonDay;
    add(w.waterShortArea ? 'waterLitresShort' : 'waterLitres', l - TINY, l + TINY);
  }
  if (w.fetchMinutes !== null) add('waterFetchMinutes', w.fetchMinutes - TINY, w.fetchMinutes + TINY);
  if (w.supplyCutDaysPerYear !== null)
    add('waterCutDays', w.supplyCutDaysPerYear - TINY, w.supplyCutDaysPerYear + TINY);

  // 义务教育: min ≤ age ≤ max (whole years): age ≥ min flips between min = age and age + 1, age ≤ max
  // between max = age − 1 and age.
  for (const m of f.members) {
    const age = ageOn(m.birthDate, f.asOf);
    add('educationMinAge', age, age + 1);
    add('educationMaxAge', age - 1, age);
  }
  return probes;
}
