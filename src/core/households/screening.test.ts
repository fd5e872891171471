import { describe, expect, it } from 'vitest';
import { assessEpidemicRisk } from './screening';

const none = { level: 'none' as const };
const base = { industry: none, employment: none, medical: none, schooling: none, productSales: none };
const ctx = { size: 3, perCapitaNetIncome: 7000, monitoringLine: 6000 };

describe('epidemic risk (R9)', () => {
  it('is not at risk without difficulties', () => {
    expect(assessEpidemicRisk({ difficulties: base, incomeLoss: 0 }, ctx)).toEqual({
      atRisk: false,
      reasons: [],
    });
  });
  it('flags one severe area or two affected areas, explained', () => {
    const r = assessEpidemicRisk(
      { difficulties: { ...base, employment: { level: 'severe' } }, incomeLoss: 0 },
      ctx,
    );
    expect(r.reasons[0]!.zh).toBe('务工就业困难严重');
    const two = assessEpidemicRisk(
      {
        difficulties: { ...base, productSales: { level: 'some' }, industry: { level: 'some' } },
        incomeLoss: 0,
      },
      ctx,
    );
    expect(two.reasons[0]!.zh).toBe('2 个方面受疫情影响（产业发展、农产品销售）');
    expect(
      assessEpidemicRisk({ difficulties: { ...base, industry: { level: 'some' } }, incomeLoss: 0 }, ctx)
        .atRisk,
    ).toBe(false);
  });
  it('flags an income loss that takes per-capita income below the line, not one that stays at it', () => {
    expect(assessEpidemicRisk({ difficulties: base, incomeLoss: 3000 }, ctx).atRisk).toBe(false);
    const r = assessEpidemicRisk({ difficulties: base, incomeLoss: 3003 }, ctx);
    expect(r.reasons[0]!.zh).toBe('扣除疫情减收 3,003 元后人均纯收入 5,999 元 < 监测线 6,000 元');
  });
});
