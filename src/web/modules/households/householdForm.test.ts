import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { HouseholdDetail } from '../../../core/households/households.schemas';
import { toFieldProblems } from './formProblems';
import { buildHouseholdUpdate, householdValuesOf } from './householdForm';

const before = {
  id: 1,
  householdNo: 'H-001',
  villageGroup: '一组',
  address: '测试村 1 号',
  phoneMasked: '138****0000',
  bankName: null,
  bankAccountMasked: null,
  attribute: '一般农户',
  povertyExitFlag: null,
  riskCauses: [],
  mainCause: null,
  specialHardship: false,
  assistUnitId: null,
  assistPerson: null,
  collectedBy: null,
  collectedOn: null,
} as unknown as HouseholdDetail;

describe('buildHouseholdUpdate', () => {
  it('sends nothing when nothing changed (masked phone and account left blank)', () => {
    expect(buildHouseholdUpdate(householdValuesOf(before), before)).toEqual({ ok: true, body: {} });
  });

  it('sends the changed fields, blanks as null, a typed phone as the new number', () => {
    const values = {
      ...householdValuesOf(before),
      address: ' 测试村 2 号 ',
      villageGroup: '',
      phone: '13800001111',
      riskCauses: ['01'],
      mainCause: '01',
      collectedOn: dayjs('2026-11-01'),
    };
    expect(buildHouseholdUpdate(values, before)).toEqual({
      ok: true,
      body: {
        address: '测试村 2 号',
        villageGroup: null,
        phone: '13800001111',
        riskCauses: ['01'],
        mainCause: '01',
        collectedOn: '2026-11-01',
      },
    });
  });

  it('names a main risk that is not among the chosen risks, and an unknown attribute', () => {
    const r = buildHouseholdUpdate(
      { ...householdValuesOf(before), mainCause: '03', attribute: '富裕户' as never },
      before,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(
        toFieldProblems(r.problems, 'zh')
          .map((p) => p.name.join('.'))
          .sort(),
      ).toEqual(['attribute', 'mainCause']);
  });
});
