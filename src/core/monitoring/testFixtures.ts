import { DEMO_YEAR_CONFIG_2020 } from './config';
import type { YearConfig } from './config';
import type { FoodClothingFacts, HouseholdEconomics, HousingFacts, MemberFacts, WaterFacts } from './facts';

/** Builders of synthetic household facts for tests and demos (no real person behind any of them). */

export const ASOF = '2020-11-07';

/** A year config with overrides, based on the demo 2020 thresholds. */
export function yearConfig(over: Partial<YearConfig> = {}): YearConfig {
  return { ...DEMO_YEAR_CONFIG_2020, ...over };
}

/** A healthy, insured working-age head of household unless overridden. */
export function member(over: Partial<MemberFacts> = {}): MemberFacts {
  return {
    relation: 'head',
    birthDate: '1970-05-01',
    health: 'healthy',
    disability: null,
    labour: 'normal',
    schooling: 'notInSchool',
    medicalInsurance: true,
    criticalIllnessInsurance: true,
    familyDoctor: true,
    ...over,
  };
}

/** Economics whose household net income equals `net` (all as wages) unless overridden. */
export function econ(net: number, over: Partial<HouseholdEconomics> = {}): HouseholdEconomics {
  return {
    wages: net,
    netBusinessIncome: 0,
    propertyIncome: 0,
    transferIncome: 0,
    businessCosts: 0,
    rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 },
    ...over,
  };
}

export const SAFE_HOUSING: HousingFacts = { grade: 'A' };

export const SAFE_WATER: WaterFacts = {
  litresPerPersonDay: 60,
  waterShortArea: false,
  qualityOk: true,
  fetchMinutes: 0,
  supplyCutDaysPerYear: 0,
};

export const FED_CLOTHED: FoodClothingFacts = {
  enoughStapleFood: true,
  meatAtLeastMonthly: true,
  seasonalClothing: true,
};
