import { describe, expect, it } from 'vitest';
import { defaultAsOf, todayInChina, trendDates } from './asOf';

describe('defaultAsOf', () => {
  it('opens a past plan year at its end', () => {
    expect(defaultAsOf(2020, '2026-11-30')).toEqual({ asOf: '2020-12-31', reason: 'yearEnded' });
  });

  it('opens the current plan year at today', () => {
    expect(defaultAsOf(2026, '2026-11-30')).toEqual({ asOf: '2026-11-30', reason: 'today' });
  });

  it('opens a future plan year at its first day', () => {
    expect(defaultAsOf(2027, '2026-11-30')).toEqual({ asOf: '2027-01-01', reason: 'notStarted' });
  });
});

describe('trendDates', () => {
  it('gives every month end before the date, then the date', () => {
    expect(trendDates('2020-03-15')).toEqual(['2020-01-31', '2020-02-29', '2020-03-15']);
  });

  it('has one point in January', () => {
    expect(trendDates('2021-01-31')).toEqual(['2021-01-31']);
  });
});

describe('todayInChina', () => {
  it('uses the China calendar day (UTC+8)', () => {
    expect(todayInChina(new Date('2020-09-30T17:00:00Z'))).toBe('2020-10-01');
  });
});
