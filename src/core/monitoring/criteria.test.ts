import { describe, expect, it } from 'vitest';
import { criterionValueText } from './criteria';

describe('criterion values in words', () => {
  it('gives each value its unit, so a count of children out of school does not read as a verdict', () => {
    expect(criterionValueText('compulsoryEducation', 0)).toEqual({ zh: '失学 0 人', en: '0 out of school' });
    expect(criterionValueText('income', 4508.5).zh).toBe('4,508.5 元/人');
    expect(criterionValueText('housing', 'C')).toEqual({ zh: 'C 级', en: 'Grade C' });
    expect(criterionValueText('waterQuantity', 35).zh).toBe('35 升/人·日');
    expect(criterionValueText('food', true)).toEqual({ zh: '是', en: 'Yes' });
    expect(criterionValueText('waterSupply', null)).toEqual({ zh: '—', en: '—' });
  });
});
