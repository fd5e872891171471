import { describe, expect, it } from 'vitest';
import { assessHousehold } from './assessment';
import { canExitMonitoring, trailingMonthsAboveLine } from './exit';
import type { CanExitInput } from './exit';
import type { MemberFacts } from './facts';
import { ASOF, FED_CLOTHED, SAFE_HOUSING, SAFE_WATER, econ, member, yearConfig } from './testFixtures';

const config = yearConfig();
function input(members: MemberFacts[], over: Partial<CanExitInput> = {}): CanExitInput {
  const assessment = assessHousehold({
    config,
    asOf: ASOF,
    members,
    econ: econ(20000),
    housing: SAFE_HOUSING,
    water: SAFE_WATER,
    foodClothing: FED_CLOTHED,
  });
  return { config, monthsAboveRange: 6, rigidResolved: true, assessment, members, ...over };
}
const two = [member(), member({ relation: 'spouse' })];

describe('canExitMonitoring', () => {
  it('allows exit after 6 months above the range with everything held', () => {
    const r = canExitMonitoring(input(two));
    expect(r.allowed).toBe(true);
    expect(r.reasons[0]?.zh).toBe('收入已连续 6 个月稳定在监测线 6,000 元以上（要求 ≥ 6 个月）');
  });
  it('refuses at 5 months with the reason', () => {
    const r = canExitMonitoring(input(two, { monthsAboveRange: 5 }));
    expect(r.allowed).toBe(false);
    expect(r.reasons.map((x) => x.zh)).toEqual(['收入仅连续 5 个月在监测线 6,000 元以上，不足 6 个月']);
  });
  it('refuses a household with no labour capacity and says why', () => {
    const none = [member({ labour: 'lost' }), member({ relation: 'spouse', labour: 'none' })];
    const r = canExitMonitoring(input(none, { monthsAboveRange: 12 }));
    expect(r.allowed).toBe(false);
    expect(r.reasons.map((x) => x.zh)).toEqual([
      '整户无劳动能力，收入依赖保障性政策，应持续监测帮扶，不能退出监测',
    ]);
  });
  it('refuses while rigid costs are unresolved or a criterion is not met / not verified', () => {
    const rigid = canExitMonitoring(input(two, { rigidResolved: false }));
    expect(rigid.reasons.map((x) => x.zh)).toEqual(['大额刚性支出问题尚未解决']);
    const base = input(two);
    const assessment = base.assessment.map((c) =>
      c.key === 'housing'
        ? { ...c, verdict: 'not_met' as const }
        : c.key === 'waterQuality'
          ? { ...c, verdict: 'unknown' as const }
          : c,
    );
    const r = canExitMonitoring({ ...base, assessment });
    expect(r.reasons.map((x) => x.zh)).toEqual(['未达标：住房安全有保障；未核实：饮水安全（水质）']);
    // English names the criteria in words, not by their keys.
    expect(r.reasons.map((x) => x.en)).toEqual([
      expect.stringContaining('not met: Safe housing; not verified: Safe water (quality)'),
    ]);
    expect(canExitMonitoring({ ...base, assessment: [] }).allowed).toBe(false);
  });
  it('refuses without any income record', () => {
    const r = canExitMonitoring(input(two, { monthsAboveRange: undefined }));
    expect(r.reasons[0]?.zh).toBe('缺少月度收入记录，无法判断收入是否稳定');
  });
  it('counts consecutive recent months from a monthly history', () => {
    const months = ['2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10'];
    const hist = months.map((month) => ({ month, perCapitaAnnualised: 6500 }));
    expect(
      canExitMonitoring(input(two, { monthsAboveRange: undefined, monthlyIncomeHistory: hist })).allowed,
    ).toBe(true);
    // A month below the line breaks the streak.
    const dip = hist.map((h) => (h.month === '2020-07' ? { ...h, perCapitaAnnualised: 5999.99 } : h));
    expect(trailingMonthsAboveLine(dip, 6000)).toBe(3);
    // Exactly on the line counts as above the range.
    expect(
      trailingMonthsAboveLine(
        hist.map((h) => ({ ...h, perCapitaAnnualised: 6000 })),
        6000,
      ),
    ).toBe(6);
    // A missing month breaks the streak.
    expect(
      trailingMonthsAboveLine(
        hist.filter((h) => h.month !== '2020-08'),
        6000,
      ),
    ).toBe(2);
    // The history wins over an asserted count.
    expect(canExitMonitoring(input(two, { monthsAboveRange: 12, monthlyIncomeHistory: dip })).allowed).toBe(
      false,
    );
  });
});
