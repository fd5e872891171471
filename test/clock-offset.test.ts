import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { offsetClock } from '../src/server/main';

describe('BANGFU_CLOCK_OFFSET_DAYS', () => {
  it('defaults to no offset', () => {
    expect(loadConfig({}).clockOffsetDays).toBe(0);
    expect(loadConfig({ BANGFU_CLOCK_OFFSET_DAYS: '' }).clockOffsetDays).toBe(0);
  });

  it('reads whole days, forward or back', () => {
    expect(loadConfig({ BANGFU_CLOCK_OFFSET_DAYS: '6' }).clockOffsetDays).toBe(6);
    expect(loadConfig({ BANGFU_CLOCK_OFFSET_DAYS: ' +6 ' }).clockOffsetDays).toBe(6);
    expect(loadConfig({ BANGFU_CLOCK_OFFSET_DAYS: '-2' }).clockOffsetDays).toBe(-2);
  });

  it.each(['1.5', 'six', '6d', '1e2', '99999'])('refuses %j with the variable named', (raw) => {
    expect(() => loadConfig({ BANGFU_CLOCK_OFFSET_DAYS: raw })).toThrow(/BANGFU_CLOCK_OFFSET_DAYS/);
  });

  it('shifts the server clock by whole days and keeps it running', () => {
    let real = Date.parse('2026-03-02T09:00:00+08:00');
    const now = offsetClock(6, () => real);
    expect(now().toISOString()).toBe('2026-03-08T01:00:00.000Z');
    real += 90_000;
    expect(now().toISOString()).toBe('2026-03-08T01:01:30.000Z');
    expect(offsetClock(0, () => real)().getTime()).toBe(real);
  });
});
