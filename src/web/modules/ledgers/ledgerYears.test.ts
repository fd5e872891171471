import { describe, expect, it } from 'vitest';
import { ledgerYears } from './ledgerYears';

describe('ledgerYears', () => {
  it("opens this year's ledger when this year has a plan", () => {
    expect(ledgerYears([2025, 2026], 2026)).toEqual({ years: [2026, 2025], initial: 2026 });
  });

  it('opens the latest plan year otherwise, and still offers this year', () => {
    expect(ledgerYears([2020], 2026)).toEqual({ years: [2026, 2020], initial: 2020 });
  });

  it('opens this year when there is no plan at all', () => {
    expect(ledgerYears([], 2026)).toEqual({ years: [2026], initial: 2026 });
  });
});
