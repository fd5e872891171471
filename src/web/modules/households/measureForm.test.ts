import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../../core/households/households.schemas';
import { toFieldProblems } from './formProblems';
import { buildMeasureInput, measureChanges } from './measureForm';

describe('buildMeasureInput', () => {
  it('builds the body with ISO dates and blanks as null', () => {
    const r = buildMeasureInput({
      type: 'employment',
      description: ' 安排公益岗位 ',
      startDate: dayjs('2026-03-01'),
      responsiblePerson: ' ',
      unitId: 3,
    });
    expect(r).toEqual({
      ok: true,
      body: {
        type: 'employment',
        memberId: null,
        deepGroup: null,
        description: '安排公益岗位',
        unitId: 3,
        responsiblePerson: null,
        startDate: '2026-03-01',
        endDate: null,
        outcome: null,
      },
    });
  });

  it('names a missing start and an end before the start', () => {
    const missing = buildMeasureInput({ type: 'health', description: '签约家庭医生' });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(toFieldProblems(missing.problems, 'zh').map((p) => p.name)).toEqual([['startDate']]);
    const order = buildMeasureInput({
      type: 'health',
      description: '签约家庭医生',
      startDate: dayjs('2026-03-01'),
      endDate: dayjs('2026-02-01'),
    });
    expect(order.ok).toBe(false);
    if (!order.ok)
      expect(toFieldProblems(order.problems, 'en')).toEqual([
        { name: ['endDate'], message: 'The end date cannot be before the start date' },
      ]);
  });
});

describe('measureChanges', () => {
  it('keeps only the changed fields for PATCH', () => {
    const before: Measure = {
      id: 1,
      householdId: 2,
      memberId: null,
      type: 'health',
      typeZh: '健康帮扶',
      group: 'security',
      groupZh: '保障',
      deepGroup: null,
      description: '签约家庭医生',
      unitId: null,
      responsiblePerson: '王医生',
      startDate: '2026-03-01',
      endDate: null,
      outcome: null,
    };
    const r = buildMeasureInput({
      type: 'health',
      description: '签约家庭医生',
      responsiblePerson: '王医生',
      startDate: dayjs('2026-03-01'),
      endDate: dayjs('2026-06-30'),
      outcome: '已签约',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(measureChanges(r.body, before)).toEqual({ endDate: '2026-06-30', outcome: '已签约' });
  });
});
