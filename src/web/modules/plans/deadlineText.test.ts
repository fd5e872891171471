import { describe, expect, it } from 'vitest';
import { resolveDeadline } from '../../../core/plan/deadline';
import { blankDeadline, deadlineLabel, withParams } from './deadlineText';

describe('deadlineLabel', () => {
  it('words dates, halves and periods the way plans write them', () => {
    expect(deadlineLabel({ kind: 'date', year: null, month: 3, day: null })).toBe('3月底前');
    expect(deadlineLabel({ kind: 'date', year: null, month: 6, day: 30 })).toBe('6月30日前');
    expect(deadlineLabel({ kind: 'half-year', half: 2 })).toBe('下半年');
    expect(deadlineLabel({ kind: 'each-half-year', count: 2, scope: 'year-total' })).toBe('分上、下半年');
    expect(deadlineLabel({ kind: 'quarter', quarter: 3 })).toBe('第三季度末前');
  });
});

describe('blankDeadline / withParams', () => {
  it('builds a valid deadline whose wording follows its parameters', () => {
    const d = withParams(blankDeadline('date'), { month: 9, day: 15 });
    expect(d).toMatchObject({ kind: 'date', month: 9, day: 15, label: '9月15日前' });
    expect(resolveDeadline(d, 2020)).toBe('2020-09-15');
  });
});
