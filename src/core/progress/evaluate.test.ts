import { describe, expect, it } from 'vitest';
import type { Deadline } from '../plan/plan.schemas';
import { combineGroups, evaluate, type EvaluationInput } from './evaluate';

const base: EvaluationInput = {
  comparison: 'gte',
  target: 20,
  targetMax: null,
  unit: '人',
  deadline: null,
  year: 2020,
  asOf: '2020-07-01',
  value: 0,
  dueValues: [],
};
const MARCH: Deadline = { kind: 'date', year: null, month: 3, day: null, label: '3月底前' };
const HALVES: Deadline = { kind: 'each-half-year', count: 2, scope: 'year-total', label: '分上、下半年' };

describe('evaluate', () => {
  it('calls a reached target done, whatever the date', () => {
    const e = evaluate({ ...base, value: 21 });
    expect(e.status).toBe('done');
    expect(e.percent).toBe(105);
    expect(e.explanation.zh).toContain('已完成');
  });

  it('phases a year target linearly: half the year gone needs about half the target', () => {
    expect(evaluate({ ...base, value: 10 }).status).toBe('on_track');
    const behind = evaluate({ ...base, value: 9 });
    expect(behind.status).toBe('at_risk');
    expect(behind.expected).toBeCloseTo(10, 0);
    expect(behind.explanation.zh).toMatch(/进度滞后.*应达/);
  });

  it('calls an unmet target overdue once its deadline has passed (R3: funds by 31 March)', () => {
    const e = evaluate({
      ...base,
      target: 1500,
      unit: '万元',
      deadline: MARCH,
      asOf: '2020-04-15',
      value: 1200,
      dueValues: [{ date: '2020-03-31', value: 1200 }],
    });
    expect(e.status).toBe('overdue');
    expect(e.dueDate).toBe('2020-03-31');
    expect(e.explanation.zh).toContain('2020-03-31');
  });

  it('notes a target reached after its deadline as done late', () => {
    const e = evaluate({
      ...base,
      target: 1500,
      unit: '万元',
      deadline: MARCH,
      asOf: '2020-05-01',
      value: 1500,
      dueValues: [{ date: '2020-03-31', value: 1000 }],
    });
    expect(e.status).toBe('done');
    expect(e.explanation.zh).toContain('逾期完成');
  });

  it('keeps a missed half-year period overdue even when the year total is caught up later (R7)', () => {
    const input = { ...base, comparison: 'eq' as const, target: 2, unit: '次', deadline: HALVES };
    const missed = evaluate({
      ...input,
      asOf: '2020-09-30',
      value: 1,
      dueValues: [{ date: '2020-06-30', value: 0 }],
    });
    expect(missed.status).toBe('overdue');
    expect(missed.explanation.zh).toContain('2020-01-01~2020-06-30');
    const firstDone = evaluate({
      ...input,
      asOf: '2020-07-10',
      value: 1,
      dueValues: [{ date: '2020-06-30', value: 1 }],
    });
    expect(firstDone.status).toBe('on_track');
    const both = evaluate({
      ...input,
      asOf: '2020-12-31',
      value: 2,
      dueValues: [
        { date: '2020-06-30', value: 1 },
        { date: '2020-12-31', value: 2 },
      ],
    });
    expect(both.status).toBe('done');
  });

  it('treats a range as met at its lower bound and notes going past the upper bound', () => {
    const r = { ...base, comparison: 'range' as const, target: 2, targetMax: 3, unit: '次' };
    expect(evaluate({ ...r, value: 2 }).status).toBe('done');
    expect(evaluate({ ...r, value: 4 }).explanation.zh).toContain('超过区间上限');
  });

  it('evaluates an upper limit (lte) as at risk once exceeded and done at the deadline when kept', () => {
    const l = { ...base, comparison: 'lte' as const, target: 5, unit: '%' };
    expect(evaluate({ ...l, value: 6 }).status).toBe('at_risk');
    expect(evaluate({ ...l, value: 4 }).status).toBe('on_track');
    expect(evaluate({ ...l, value: 4, asOf: '2020-12-31' }).status).toBe('done');
    expect(evaluate({ ...l, value: 6, asOf: '2020-12-31' }).status).toBe('overdue');
  });

  it('treats a missing manual figure as behind', () => {
    expect(evaluate({ ...base, value: null }).status).toBe('at_risk');
    expect(evaluate({ ...base, value: null, deadline: MARCH, asOf: '2020-04-01' }).status).toBe('overdue');
  });
});

describe('combineGroups', () => {
  const e = (status: 'done' | 'at_risk' | 'overdue') => ({ ...evaluate({ ...base, value: 0 }), status });
  it('is done only when every town is done, else the worst status, naming the towns', () => {
    const c = combineGroups(
      [
        { name: '甲镇', evaluation: e('done') },
        { name: '乙镇', evaluation: e('at_risk') },
      ],
      { zh: '镇(街)', en: 'towns' },
    );
    expect(c).toMatchObject({ status: 'at_risk', done: 1, total: 2, percent: 50 });
    expect(c.explanation.zh).toBe('2个镇(街)中1个已完成；进度滞后1个（乙镇）。');
    expect(
      combineGroups([{ name: '甲镇', evaluation: e('done') }], { zh: '镇(街)', en: 'towns' }).status,
    ).toBe('done');
  });
});
