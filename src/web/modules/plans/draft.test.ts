import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan, listIndicators } from '../../../core/plan/extract-plan';
import { suggestMeasurement } from '../../../core/progress/suggest';
import type { ExtractResponse } from '../../api/plans';
import { issuesToProblems } from '../../ui/formErrors';
import { checkPlan, draftFromExtract, locateProblems, planFromDraft } from './draft';

const text = fs.readFileSync(
  new URL('../../../core/plan/fixtures/work-plan-2020.zh.txt', import.meta.url),
  'utf8',
);

function extractResponse(): ExtractResponse {
  const draft = extractPlan(text);
  return {
    draft,
    suggestions: listIndicators(draft).map((l) => ({
      clauseRef: l.clauseRef,
      name: l.indicator.name,
      suggestion: suggestMeasurement(l.indicator),
    })),
  };
}

describe('plan draft', () => {
  it('turns the source plan into one row per target with its proposed measurement, and saves unchanged', () => {
    const draft = draftFromExtract(extractResponse(), null);
    expect(draft.year).toBe(2020);
    expect(draft.rows).toHaveLength(11);
    const local = draft.rows.find((r) => r.name.includes('就地就近就业'));
    expect(local?.measurement).toMatchObject({ kind: 'distinct_people', filter: { mode: 'local' } });
    const check = checkPlan(planFromDraft(draft, text).body);
    expect(check.ok).toBe(true);
  });

  it('drops a removed row and puts a problem on the row and field it concerns', () => {
    const draft = draftFromExtract(extractResponse(), null);
    const [first, second, ...rest] = draft.rows;
    const edited = { ...draft, rows: [{ ...second!, value: null }, ...rest] };
    const { body, rowAt } = planFromDraft(edited, text);
    const check = checkPlan(body);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const located = locateProblems(issuesToProblems(check.issues, 'zh'), rowAt);
    expect(located).toEqual([{ rowKey: second!.key, field: 'value', message: '必填' }]);
    expect(first!.key).not.toBe(second!.key);
  });
});
