import { describe, expect, it } from 'vitest';
import type { Role } from '../accounts/roles';
import {
  CASE_ACTIONS,
  CASE_STEPS,
  DEFAULT_CASE_DEADLINES,
  TRANSITIONS,
  actionsFor,
  caseDeadlineStatus,
  decideTransition,
  type CaseAction,
  type CaseStep,
} from './case-machine';

const now = new Date('2020-06-20T00:00:00Z');
const DAY = 86_400_000;
const ctx = { now, deadlines: DEFAULT_CASE_DEADLINES, note: '理由' };
const state = (
  step: CaseStep,
  over: Partial<{ noticeStartedAt: Date | null; attachmentKinds: string[] }> = {},
) => ({
  step,
  noticeStartedAt: new Date(now.getTime() - 5 * DAY),
  attachmentKinds: ['authorisation'],
  ...over,
});

const LEGAL: [CaseStep, CaseAction, Role, CaseStep][] = [
  ['home_check', 'complete_home_check', 'village', 'appraisal'],
  ['appraisal', 'record_appraisal', 'village', 'notice'],
  ['notice', 'close_notice', 'town', 'town_review'],
  ['town_review', 'town_approve', 'town', 'inspection'],
  ['town_review', 'town_reject', 'town', 'rejected'],
  ['inspection', 'verify', 'inspector', 'district_approval'],
  ['inspection', 'return', 'inspector', 'town_review'],
  ['district_approval', 'approve', 'admin', 'approved'],
  ['district_approval', 'reject', 'admin', 'rejected'],
  ['home_check', 'withdraw', 'town', 'withdrawn'],
  ['appraisal', 'withdraw', 'admin', 'withdrawn'],
  ['notice', 'withdraw', 'town', 'withdrawn'],
  ['town_review', 'withdraw', 'town', 'withdrawn'],
];

describe('case state machine', () => {
  it.each(LEGAL)('from %s, %s by %s goes to %s', (from, action, role, to) => {
    expect(decideTransition(state(from), action, role, ctx)).toEqual({ ok: true, to });
  });

  it('refuses every action from a step it does not start from, naming the step and what is possible', () => {
    let refused = 0;
    for (const step of CASE_STEPS) {
      for (const action of CASE_ACTIONS) {
        if (TRANSITIONS[action].from.includes(step)) continue;
        const r = decideTransition(state(step), action, TRANSITIONS[action].roles[0]!, ctx);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.code).toBe('case.illegal_transition');
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(60);
    const r = decideTransition(state('approved'), 'approve', 'admin', ctx);
    expect(r.ok === false && r.message.zh).toContain('案件已结束');
    const skip = decideTransition(state('home_check'), 'town_approve', 'town', ctx);
    expect(skip.ok === false && skip.message.zh).toContain('当前步骤为「入户核实」');
  });

  it('lets only the inspection team verify or return, and only the office approve', () => {
    for (const role of ['admin', 'town', 'village', 'leader', 'unit'] as const) {
      const r = decideTransition(state('inspection'), 'verify', role, ctx);
      expect(r.ok === false && r.code).toBe('case.role');
    }
    for (const role of ['inspector', 'town', 'village', 'leader', 'unit'] as const) {
      expect(decideTransition(state('district_approval'), 'approve', role, ctx).ok).toBe(false);
    }
    expect(actionsFor('inspection', 'inspector')).toEqual(['verify', 'return']);
    expect(actionsFor('inspection', 'admin')).toEqual([]);
  });

  it('needs the signed authorisation before the home check is complete', () => {
    const r = decideTransition(
      state('home_check', { attachmentKinds: [] }),
      'complete_home_check',
      'town',
      ctx,
    );
    expect(r.ok === false && r.code).toBe('case.authorisation');
  });

  it('keeps the notice open at least 5 days', () => {
    const four = decideTransition(
      state('notice', { noticeStartedAt: new Date(now.getTime() - 4 * DAY - 3600_000) }),
      'close_notice',
      'town',
      ctx,
    );
    expect(four.ok === false && four.code).toBe('case.notice_too_short');
    expect(four.ok === false && four.message.zh).toBe('公示不少于 5 天，目前仅 4 天');
    expect(decideTransition(state('notice'), 'close_notice', 'town', ctx).ok).toBe(true);
  });

  it('needs reasons to return or reject', () => {
    for (const [step, action, role] of [
      ['inspection', 'return', 'inspector'],
      ['district_approval', 'reject', 'admin'],
      ['town_review', 'town_reject', 'town'],
    ] as const) {
      const r = decideTransition(state(step), action, role, { ...ctx, note: ' ' });
      expect(r.ok === false && r.code).toBe('case.return_reason');
    }
  });

  it('flags a step overdue after its days and the case overdue after 15 days from the clue', () => {
    const clueAt = new Date('2020-06-01T00:00:00Z');
    const c = { step: 'home_check' as const, clueAt, stepStartedAt: clueAt, closedAt: null };
    const onTime = caseDeadlineStatus(c, DEFAULT_CASE_DEADLINES, new Date('2020-06-03T23:00:00Z'));
    expect(onTime).toMatchObject({ stepOverdue: false, totalOverdue: false, daysElapsed: 2 });
    const late = caseDeadlineStatus(c, DEFAULT_CASE_DEADLINES, new Date('2020-06-04T01:00:00Z'));
    expect(late).toMatchObject({
      stepOverdue: true,
      totalOverdue: false,
      stepDueAt: '2020-06-04T00:00:00.000Z',
    });
    const veryLate = caseDeadlineStatus(
      { ...c, step: 'inspection' },
      DEFAULT_CASE_DEADLINES,
      new Date('2020-06-16T01:00:00Z'),
    );
    expect(veryLate).toMatchObject({ totalOverdue: true, totalDueAt: '2020-06-16T00:00:00.000Z' });
    const closed = caseDeadlineStatus(
      { ...c, step: 'approved', closedAt: new Date('2020-06-10T00:00:00Z') },
      DEFAULT_CASE_DEADLINES,
      new Date('2021-01-01T00:00:00Z'),
    );
    expect(closed).toMatchObject({
      stepOverdue: false,
      totalOverdue: false,
      stepDueAt: null,
      daysElapsed: 9,
    });
  });
});
