import type { YearConfig } from '../../../core/monitoring/config';
import type { IssueLike } from '../../ui/formErrors';

type Num = number | null | undefined;

/**
 * The year-configuration form: the schema's shape and field paths, except that the two shares are
 * entered as percentages (50 rather than 0.5), which is how the plan states them.
 */
export interface ConfigFormValues {
  povertyLine: Num;
  monitoringMultiple: Num;
  rigidExpenditure: {
    shareOfHouseholdNetIncome: Num;
    absoluteAmount: Num;
    requireAfterExpenditureBelowLine: boolean;
  };
  incomeDrop: { dropShare: Num; requireBelowMonitoringLine: boolean };
  water: {
    litresPerPersonDay: Num;
    litresPerPersonDayWaterShort: Num;
    maxFetchMinutes: Num;
    maxSupplyCutDaysPerYear: Num;
  };
  compulsoryEducationAge: { min: Num; max: Num };
  exit: { minMonthsAboveRange: Num };
}

/** Field paths whose value is a percentage in the form and a share in the schema. */
const PERCENT_PATHS = ['rigidExpenditure.shareOfHouseholdNetIncome', 'incomeDrop.dropShare'];

const toPercent = (share: number | null): number | null =>
  share === null ? null : Number((share * 100).toFixed(4));
const toShare = (pct: Num): number | null | undefined =>
  pct === null || pct === undefined ? pct : Number((pct / 100).toFixed(6));
/** A required number left empty goes to the schema as missing, so its message says 必填. */
const req = (n: Num): number | undefined => (n === null || n === undefined ? undefined : n);
/** An optional condition left empty is "not used" (null). */
const opt = (n: Num): number | null => (n === undefined || n === null ? null : n);

export function toFormValues(c: YearConfig): ConfigFormValues {
  return {
    povertyLine: c.povertyLine,
    monitoringMultiple: c.monitoringMultiple,
    rigidExpenditure: {
      shareOfHouseholdNetIncome: toPercent(c.rigidExpenditure.shareOfHouseholdNetIncome),
      absoluteAmount: c.rigidExpenditure.absoluteAmount,
      requireAfterExpenditureBelowLine: c.rigidExpenditure.requireAfterExpenditureBelowLine,
    },
    incomeDrop: {
      dropShare: toPercent(c.incomeDrop.dropShare),
      requireBelowMonitoringLine: c.incomeDrop.requireBelowMonitoringLine,
    },
    water: { ...c.water },
    compulsoryEducationAge: { ...c.compulsoryEducationAge },
    exit: { ...c.exit },
  };
}

/** The body to validate with `YearConfigSchema` (unvalidated: empty required numbers are left out). */
export function fromFormValues(v: ConfigFormValues, year: number): unknown {
  return {
    year,
    povertyLine: req(v.povertyLine),
    monitoringMultiple: req(v.monitoringMultiple),
    rigidExpenditure: {
      shareOfHouseholdNetIncome: opt(toShare(v.rigidExpenditure.shareOfHouseholdNetIncome)),
      absoluteAmount: opt(v.rigidExpenditure.absoluteAmount),
      requireAfterExpenditureBelowLine: !!v.rigidExpenditure.requireAfterExpenditureBelowLine,
    },
    incomeDrop: {
      dropShare: req(toShare(v.incomeDrop.dropShare)),
      requireBelowMonitoringLine: !!v.incomeDrop.requireBelowMonitoringLine,
    },
    water: {
      litresPerPersonDay: req(v.water.litresPerPersonDay),
      litresPerPersonDayWaterShort: req(v.water.litresPerPersonDayWaterShort),
      maxFetchMinutes: req(v.water.maxFetchMinutes),
      maxSupplyCutDaysPerYear: req(v.water.maxSupplyCutDaysPerYear),
    },
    compulsoryEducationAge: {
      min: req(v.compulsoryEducationAge.min),
      max: req(v.compulsoryEducationAge.max),
    },
    exit: { minMonthsAboveRange: req(v.exit.minMonthsAboveRange) },
  };
}

/**
 * The form field a schema path belongs to: object-level rules land on their first field
 * (`rigidExpenditure` → its share, `compulsoryEducationAge` → `min`); `year` has no field (null).
 */
export function fieldForPath(path: readonly (string | number)[]): (string | number)[] | null {
  const top = path[0];
  if (top === 'rigidExpenditure' && path.length === 1)
    return ['rigidExpenditure', 'shareOfHouseholdNetIncome'];
  if (top === 'compulsoryEducationAge' && path.length === 1) return ['compulsoryEducationAge', 'min'];
  if (top === 'year' || top === undefined) return null;
  return [...path];
}

/** Bounds of a share in the schema (0 < dropShare < 1) said in the form's percentages (0 … 100). */
export function percentIssues<T extends IssueLike>(issues: readonly T[]): T[] {
  return issues.map((issue) => {
    if (!PERCENT_PATHS.includes(issue.path.join('.'))) return issue;
    const scale = (b: number | bigint | undefined) => (b === undefined ? undefined : Number(b) * 100);
    return { ...issue, minimum: scale(issue.minimum), maximum: scale(issue.maximum) };
  });
}

/** A new year's starting values: the nearest earlier configured year's thresholds, or none. */
export function templateFor(year: number, configs: ReadonlyMap<number, YearConfig>): YearConfig | null {
  const earlier = [...configs.keys()].filter((y) => y < year).sort((a, b) => b - a);
  const later = [...configs.keys()].filter((y) => y > year).sort((a, b) => a - b);
  const from = earlier[0] ?? later[0];
  if (from === undefined) return null;
  return { ...configs.get(from)!, year };
}

/** The field paths an antd `onValuesChange` patch touches (`{ water: { maxFetchMinutes: 30 } }` → one path). */
export function changedPaths(patch: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(patch).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? changedPaths(value as Record<string, unknown>, [...prefix, key])
      : [[...prefix, key]],
  );
}
