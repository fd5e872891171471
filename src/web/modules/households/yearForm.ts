import {
  HouseholdYearInputSchema,
  type HouseholdYear,
  type HouseholdYearInput,
} from '../../../core/households/households.schemas';
import type { YearConfig } from '../../../core/monitoring/config';
import { monitoringLineOf, perCapitaNetIncome, rigidExpenditureTotal } from '../../../core/monitoring/income';
import type { IssueLike } from '../../ui/formErrors';

/** Money of the form: a blank box is "nothing of this kind" (0), the way the ledgers read it. */
type Money = number | null | undefined;

/**
 * The yearly economics form: the PUT body's own shape (server error paths such as
 * `econ.rigidExpenditure.medical` land on their fields), except that money may be left blank.
 */
export interface YearFormValues {
  econ: {
    wages: Money;
    netBusinessIncome: Money;
    propertyIncome: Money;
    transferIncome: Money;
    businessCosts: Money;
    rigidExpenditure: { medical: Money; education: Money; disaster: Money; other: Money };
  };
  housing: { grade: HouseholdYearInput['housing']['grade'] };
  water: HouseholdYearInput['water'];
  foodClothing: HouseholdYearInput['foodClothing'];
}

/** A year with nothing recorded yet: everything blank or not verified. */
export function emptyYearValues(): YearFormValues {
  return {
    econ: {
      wages: null,
      netBusinessIncome: null,
      propertyIncome: null,
      transferIncome: null,
      businessCosts: null,
      rigidExpenditure: { medical: null, education: null, disaster: null, other: null },
    },
    housing: { grade: null },
    water: {
      litresPerPersonDay: null,
      waterShortArea: false,
      qualityOk: null,
      fetchMinutes: null,
      supplyCutDaysPerYear: null,
    },
    foodClothing: { enoughStapleFood: null, meatAtLeastMonthly: null, seasonalClothing: null },
  };
}

/** A recorded year as form values. */
export function yearValuesOf(y: HouseholdYear): YearFormValues {
  return {
    econ: { ...y.econ, rigidExpenditure: { ...y.econ.rigidExpenditure } },
    housing: { grade: (y.housing.grade as YearFormValues['housing']['grade']) ?? null },
    water: { ...y.water },
    foodClothing: { ...y.foodClothing },
  };
}

const money = (v: Money) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The economics with blanks read as 0 (for the body and the live per-capita figure). */
export function econOf(values: YearFormValues): HouseholdYearInput['econ'] {
  const e = values.econ;
  const r = e.rigidExpenditure;
  return {
    wages: money(e.wages),
    netBusinessIncome: money(e.netBusinessIncome),
    propertyIncome: money(e.propertyIncome),
    transferIncome: money(e.transferIncome),
    businessCosts: money(e.businessCosts),
    rigidExpenditure: {
      medical: money(r.medical),
      education: money(r.education),
      disaster: money(r.disaster),
      other: money(r.other),
    },
  };
}

/** The PUT body, checked with the server's schema before it is sent. */
export function buildYearInput(
  values: YearFormValues,
): { ok: true; body: HouseholdYearInput } | { ok: false; issues: IssueLike[] } {
  const parsed = HouseholdYearInputSchema.safeParse({
    econ: econOf(values),
    housing: { grade: values.housing.grade ?? null },
    water: { ...values.water, waterShortArea: !!values.water.waterShortArea },
    foodClothing: values.foodClothing,
  });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: parsed.error.issues };
}

/** What the form already tells before saving: per-capita net income against the year's monitoring line. */
export interface YearPreview {
  perCapita: number | null;
  rigidTotal: number;
  monitoringLine: number | null;
  belowLine: boolean | null;
}

export function previewYear(values: YearFormValues, size: number, config: YearConfig | null): YearPreview {
  const econ = econOf(values);
  const perCapita = size >= 1 ? perCapitaNetIncome(econ, size) : null;
  const line = config ? monitoringLineOf(config) : null;
  return {
    perCapita,
    rigidTotal: rigidExpenditureTotal(econ),
    monitoringLine: line,
    belowLine: perCapita !== null && line !== null ? perCapita < line : null,
  };
}

/**
 * The years a picker offers: those with recorded data and those with thresholds set, newest first.
 */
export function yearChoices(dataYears: readonly number[], configuredYears: readonly number[]): number[] {
  return [...new Set([...dataYears, ...configuredYears])].sort((a, b) => b - a);
}

/** The year a household page opens on: its latest recorded year, else the latest configured one. */
export function defaultYear(dataYears: readonly number[], configuredYears: readonly number[]): number | null {
  if (dataYears.length) return Math.max(...dataYears);
  if (configuredYears.length) return Math.max(...configuredYears);
  return null;
}
