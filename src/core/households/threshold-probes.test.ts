import { describe, expect, it } from 'vitest';
import { mulberry32, pick, randomInt, type Rng } from '../identity/random';
import { DEMO_YEAR_CONFIG_2020, type YearConfig } from '../monitoring/config';
import { HOUSING_GRADES, SCHOOLING_STATUSES, type MemberFacts } from '../monitoring/facts';
import { evaluateHouseholdYear, storedResultOf, type HouseholdYearFacts } from './evaluate';
import { probesMeet, thresholdChange, thresholdProbes } from './threshold-probes';

const ASOF = '2020-11-07';

/** A value or, one time in `every`, null (an unverified fact). */
const orNull = <T>(rng: Rng, v: T, every = 8): T | null => (rng() * every < 1 ? null : v);

/** Birth dates whose age at ASOF sits on or next to the compulsory-education bounds, or anywhere. */
function birthDate(rng: Rng): string {
  const age = rng() < 0.6 ? pick(rng, [4, 5, 6, 7, 8, 13, 14, 15, 16, 17]) : randomInt(rng, 0, 85);
  // On the birthday itself, the day before or the day after.
  const day = pick(rng, ['11-06', '11-07', '11-08', '03-15']);
  return `${2020 - age}-${day}`;
}

function member(rng: Rng, i: number): MemberFacts {
  return {
    relation: i === 0 ? 'head' : 'son',
    birthDate: birthDate(rng),
    health: pick(rng, ['healthy', 'chronic', 'serious'] as const),
    disability: null,
    labour: pick(rng, ['normal', 'weak', 'lost', 'none'] as const),
    schooling: orNull(rng, pick(rng, SCHOOLING_STATUSES)),
    outOfSchoolForHealth: rng() < 0.1,
    medicalInsurance: orNull(rng, rng() < 0.9),
    criticalIllnessInsurance: orNull(rng, rng() < 0.9),
    familyDoctor: rng() < 0.8,
  };
}

/**
 * Random household facts whose quantities fall on, beside and between the thresholds the changes below
 * move over (whole yuan, whole litres and minutes), so that flips happen often.
 */
function facts(rng: Rng, config: YearConfig): HouseholdYearFacts {
  const members = Array.from({ length: randomInt(rng, 1, 5) }, (_, i) => member(rng, i));
  const n = members.length;
  // Per-capita income around the poverty and monitoring lines, sometimes exactly on a grid line.
  const pc =
    rng() < 0.5 ? randomInt(rng, 30, 80) * 100 : randomInt(rng, 2500, 9000) + pick(rng, [0, 0.5, 0.01]);
  const rigid = rng() < 0.4;
  const medical = rigid ? pick(rng, [randomInt(rng, 1, 40) * 1000, randomInt(rng, 500, 40000)]) : 0;
  return {
    config,
    asOf: ASOF,
    members,
    econ: {
      wages: pc * n,
      netBusinessIncome: 0,
      propertyIncome: 0,
      transferIncome: 0,
      businessCosts: rng() < 0.1 ? pc * n + randomInt(rng, 0, 2000) : 0,
      rigidExpenditure: { medical, education: 0, disaster: 0, other: 0 },
    },
    housing: { grade: orNull(rng, pick(rng, HOUSING_GRADES)) },
    water: {
      litresPerPersonDay: orNull(rng, randomInt(rng, 15, 45)),
      waterShortArea: rng() < 0.3,
      qualityOk: orNull(rng, rng() < 0.9),
      fetchMinutes: orNull(rng, randomInt(rng, 0, 30)),
      supplyCutDaysPerYear: orNull(rng, randomInt(rng, 20, 45)),
    },
    foodClothing: { enoughStapleFood: true, meatAtLeastMonthly: orNull(rng, true), seasonalClothing: true },
    previousYearPerCapita: rng() < 0.7 ? pc * (1 + rng() * 0.8) : orNull(rng, pc, 2),
    attribute: pick(rng, ['一般农户', '脱贫户']),
    povertyExitFlag: null,
  };
}

/** A change of one to three thresholds of the config, within ranges the facts above straddle. */
function changed(rng: Rng, c: YearConfig): YearConfig {
  const next: YearConfig = structuredClone(c);
  const moves = [
    () => (next.povertyLine = randomInt(rng, 35, 50) * 100 + pick(rng, [0, 0, 50])),
    () => (next.monitoringMultiple = pick(rng, [1.2, 1.5, 1.6, 2])),
    () => (next.rigidExpenditure.shareOfHouseholdNetIncome = pick(rng, [0.3, 0.4, 0.5, 0.6, 0.75])),
    () => (next.rigidExpenditure.absoluteAmount = randomInt(rng, 10, 30) * 1000),
    () => (next.incomeDrop.dropShare = pick(rng, [0.2, 0.25, 0.3, 0.4, 0.5])),
    () => (next.water.litresPerPersonDay = randomInt(rng, 30, 40)),
    () => (next.water.litresPerPersonDayWaterShort = randomInt(rng, 15, 25)),
    () => (next.water.maxFetchMinutes = randomInt(rng, 10, 25)),
    () => (next.water.maxSupplyCutDaysPerYear = randomInt(rng, 30, 40)),
    () => (next.compulsoryEducationAge = { min: randomInt(rng, 5, 7), max: randomInt(rng, 14, 16) }),
    () => (next.exit.minMonthsAboveRange = randomInt(rng, 3, 12)),
  ];
  for (let k = randomInt(rng, 1, 3); k > 0; k--) pick(rng, moves)();
  return next;
}

const stored = (f: HouseholdYearFacts) => JSON.stringify(storedResultOf(evaluateHouseholdYear(f)));

describe('threshold probes', () => {
  it('make every household whose stored result a threshold change alters a candidate, and leave out most others', () => {
    const rng = mulberry32(2026);
    let differing = 0;
    let candidates = 0;
    let cases = 0;
    for (let i = 0; i < 20000; i++) {
      const from = i % 3 === 0 ? changed(rng, DEMO_YEAR_CONFIG_2020) : DEMO_YEAR_CONFIG_2020;
      const to = changed(rng, from);
      const change = thresholdChange(from, to);
      expect(change.kind).not.toBe('all'); // the moves above change values only, never a switch
      const f = facts(rng, from);
      const probes = thresholdProbes(f);
      const candidate = change.kind === 'bands' && probesMeet(probes, change.bands);
      const differs = stored(f) !== stored({ ...f, config: to });
      if (differs && !candidate) {
        // The failing case in words, for whoever adds a rule without its probe.
        expect({ from, to, facts: f, probes }).toBe('a candidate: its stored result changes');
      }
      cases += 1;
      if (differs) differing += 1;
      if (candidate) candidates += 1;
    }
    // Not vacuous: many results change, and the probes select far fewer rows than all of them.
    expect(differing).toBeGreaterThan(cases / 20);
    expect(candidates).toBeLessThan(cases * 0.75);
  });

  it('asks for every row when a rule is switched, and for none when only the exit rule moves', () => {
    const c = DEMO_YEAR_CONFIG_2020;
    expect(
      thresholdChange(c, { ...c, incomeDrop: { ...c.incomeDrop, requireBelowMonitoringLine: false } }).kind,
    ).toBe('all');
    expect(
      thresholdChange(c, { ...c, rigidExpenditure: { ...c.rigidExpenditure, absoluteAmount: null } }).kind,
    ).toBe('all');
    expect(thresholdChange(c, { ...c, exit: { minMonthsAboveRange: 12 } })).toEqual({ kind: 'none' });
    expect(thresholdChange(c, { ...c, povertyLine: 4500 })).toEqual({
      kind: 'bands',
      bands: [
        { name: 'povertyLine', lo: 4000, hi: 4500 },
        { name: 'monitoringLine', lo: 6000, hi: 6750 },
      ],
    });
  });

  it('select a household by its per-capita income only when a line moves across it', () => {
    const rng = mulberry32(7);
    const f = facts(rng, DEMO_YEAR_CONFIG_2020);
    const n = f.members.length;
    const at = (pc: number) =>
      thresholdProbes({
        ...f,
        econ: {
          ...f.econ,
          wages: pc * n,
          businessCosts: 0,
          rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 },
        },
        previousYearPerCapita: null,
      });
    const bands = [{ name: 'monitoringLine' as const, lo: 6000, hi: 6750 }];
    expect(probesMeet(at(6500), bands)).toBe(true);
    expect(probesMeet(at(6000), bands)).toBe(true);
    expect(probesMeet(at(5000), bands)).toBe(false);
    expect(probesMeet(at(7000), bands)).toBe(false);
    expect(probesMeet(null, bands)).toBe(true);
  });
});
