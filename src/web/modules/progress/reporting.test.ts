import { describe, expect, it } from 'vitest';
import type { IndicatorProgress, ProgressResponse } from '../../../core/progress/progress.schemas';
import { unitsReporting } from './reporting';

function item(id: number, name: string, byUnit: [number, number][]): IndicatorProgress {
  return {
    indicatorId: id,
    name,
    clauseRef: null,
    measurementKind: 'count',
    comparison: 'gte',
    target: 10,
    targetMax: null,
    unit: '次',
    scope: 'district',
    dueDate: '2020-12-31',
    deadlineLabel: null,
    value: 0,
    percent: 0,
    status: 'on_track',
    expected: null,
    explanation: { zh: '', en: '' },
    groups: [],
    groupsDone: null,
    groupsTotal: null,
    byUnit: byUnit.map(([unitId, value]) => ({ unitId, unitName: `单位${unitId}`, value })),
    byTown: [],
  };
}

function snapshot(items: IndicatorProgress[]): ProgressResponse {
  return {
    planId: 1,
    year: 2020,
    asOf: '2020-09-30',
    items,
    summary: { done: 0, on_track: 0, at_risk: 0, overdue: 0 },
  };
}

describe('unitsReporting', () => {
  it('names the units whose figures moved since the end of last month, with the indicators', () => {
    const previous = snapshot([
      item(1, '培训', [
        [1, 2],
        [2, 1],
      ]),
      item(2, '就业', [[1, 3]]),
    ]);
    const current = snapshot([
      item(1, '培训', [
        [1, 2],
        [2, 2],
      ]),
      item(2, '就业', [
        [1, 4],
        [3, 1],
      ]),
    ]);
    expect(unitsReporting(current, previous)).toEqual([
      { unitId: 1, unitName: '单位1', indicators: ['就业'] },
      { unitId: 2, unitName: '单位2', indicators: ['培训'] },
      { unitId: 3, unitName: '单位3', indicators: ['就业'] },
    ]);
  });

  it('counts everything of the year in January (no earlier snapshot)', () => {
    expect(unitsReporting(snapshot([item(1, '培训', [[5, 1]])]), null)).toHaveLength(1);
  });

  it('finds nobody when nothing moved', () => {
    const same = snapshot([item(1, '培训', [[1, 2]])]);
    expect(unitsReporting(same, same)).toEqual([]);
  });
});
