import { z } from 'zod';
import type { Role } from '../accounts/roles';
import type { LocalizedText } from '../identity/result';

/**
 * The dynamic-adjustment procedure 动态调整 (R10) as a pure state machine: clue → home check with signed
 * authorisation → village appraisal and public notice (≥ N days) → town review → inspection-team
 * verification (may return with reasons) → district approval → the household's status changes.
 * Nothing is deleted: a closed case stays with its history.
 */
export const CASE_STEPS = [
  'home_check',
  'appraisal',
  'notice',
  'town_review',
  'inspection',
  'district_approval',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];
export const CaseStepSchema = z.enum(CASE_STEPS);
export const TERMINAL_STEPS: readonly CaseStep[] = ['approved', 'rejected', 'withdrawn'];
/** Steps with a deadline (all open ones). */
export const OPEN_STEPS = [
  'home_check',
  'appraisal',
  'notice',
  'town_review',
  'inspection',
  'district_approval',
] as const;
export type OpenStep = (typeof OPEN_STEPS)[number];

export const CASE_STEP_LABELS: Readonly<Record<CaseStep, LocalizedText>> = {
  home_check: { zh: '入户核实', en: 'home check' },
  appraisal: { zh: '村级评议', en: 'village appraisal' },
  notice: { zh: '公示', en: 'public notice' },
  town_review: { zh: '镇(街)审核', en: 'town review' },
  inspection: { zh: '专项督察组核查', en: 'inspection-team verification' },
  district_approval: { zh: '区级审定', en: 'district approval' },
  approved: { zh: '已审定', en: 'approved' },
  rejected: { zh: '未通过', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

export const CASE_KINDS = ['include', 'change_type', 'exit'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Readonly<Record<CaseKind, LocalizedText>> = {
  include: { zh: '纳入监测', en: 'inclusion' },
  change_type: { zh: '变更监测类别', en: 'change of type' },
  exit: { zh: '风险消除（退出监测）', en: 'exit (risk eliminated)' },
};

export const CASE_ACTIONS = [
  'complete_home_check',
  'record_appraisal',
  'close_notice',
  'town_approve',
  'town_reject',
  'verify',
  'return',
  'approve',
  'reject',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const CaseActionSchema = z.enum(CASE_ACTIONS);

export const CASE_ACTION_LABELS: Readonly<Record<CaseAction, LocalizedText>> = {
  complete_home_check: { zh: '完成入户核实', en: 'complete the home check' },
  record_appraisal: { zh: '登记村级评议并开始公示', en: 'record the appraisal and start the notice' },
  close_notice: { zh: '结束公示', en: 'close the notice' },
  town_approve: { zh: '镇(街)审核通过', en: 'town approves' },
  town_reject: { zh: '镇(街)审核不通过', en: 'town rejects' },
  verify: { zh: '督察组核查通过', en: 'inspection verifies' },
  return: { zh: '督察组退回', en: 'inspection returns' },
  approve: { zh: '区级审定通过', en: 'district approves' },
  reject: { zh: '区级审定不通过', en: 'district rejects' },
  withdraw: { zh: '撤回', en: 'withdraw' },
};

interface TransitionRule {
  from: readonly CaseStep[];
  to: CaseStep;
  roles: readonly Role[];
}

/** Every legal transition: from which steps, to which step, by which roles. */
export const TRANSITIONS: Readonly<Record<CaseAction, TransitionRule>> = {
  complete_home_check: { from: ['home_check'], to: 'appraisal', roles: ['town', 'village', 'admin'] },
  record_appraisal: { from: ['appraisal'], to: 'notice', roles: ['town', 'village', 'admin'] },
  close_notice: { from: ['notice'], to: 'town_review', roles: ['town', 'village', 'admin'] },
  town_approve: { from: ['town_review'], to: 'inspection', roles: ['town', 'admin'] },
  town_reject: { from: ['town_review'], to: 'rejected', roles: ['town', 'admin'] },
  // Verification is the inspection team's alone: "inspectors read all and write only verifications".
  verify: { from: ['inspection'], to: 'district_approval', roles: ['inspector'] },
  return: { from: ['inspection'], to: 'town_review', roles: ['inspector'] },
  approve: { from: ['district_approval'], to: 'approved', roles: ['admin'] },
  reject: { from: ['district_approval'], to: 'rejected', roles: ['admin'] },
  withdraw: {
    from: ['home_check', 'appraisal', 'notice', 'town_review'],
    to: 'withdrawn',
    roles: ['town', 'admin'],
  },
};

/** Per-step deadlines in days and the total from the clue (configurable data; ≤15 days by default). */
export const CaseDeadlinesSchema = z
  .object({
    totalDays: z.number().int().min(1).max(90),
    /** Minimum length of the public notice (≥ 5 days by the rules). */
    noticeMinDays: z.number().int().min(5).max(30),
    steps: z.object({
      home_check: z.number().int().min(1).max(30),
      appraisal: z.number().int().min(1).max(30),
      notice: z.number().int().min(1).max(30),
      town_review: z.number().int().min(1).max(30),
      inspection: z.number().int().min(1).max(30),
      district_approval: z.number().int().min(1).max(30),
    }),
  })
  .refine((d) => d.steps.notice >= d.noticeMinDays, {
    message: '公示步骤期限不能短于最短公示天数',
    path: ['steps', 'notice'],
  });
export type CaseDeadlines = z.infer<typeof CaseDeadlinesSchema>;

export const DEFAULT_CASE_DEADLINES: CaseDeadlines = {
  totalDays: 15,
  noticeMinDays: 5,
  steps: { home_check: 3, appraisal: 2, notice: 6, town_review: 2, inspection: 2, district_approval: 2 },
};

/** A refused transition, with a message a clerk can act on. */
export interface CaseRefusal {
  ok: false;
  code:
    | 'case.illegal_transition'
    | 'case.role'
    | 'case.notice_too_short'
    | 'case.return_reason'
    | 'case.authorisation';
  message: LocalizedText;
}

export interface CaseState {
  step: CaseStep;
  noticeStartedAt: Date | null;
  /** Attachment kinds already on the case. */
  attachmentKinds: readonly string[];
}

const DAY = 86_400_000;

/**
 * Decides one transition (R10): whether `action` may be taken from the current step by this role, and
 * the next step. Preconditions that are pure (notice length, a reason to return, the signed
 * authorisation) are checked here; exit eligibility is checked by the service with canExitMonitoring.
 */
export function decideTransition(
  state: CaseState,
  action: CaseAction,
  role: Role,
  ctx: { now: Date; deadlines: CaseDeadlines; note?: string | null },
): { ok: true; to: CaseStep } | CaseRefusal {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state.step)) {
    const allowed = allowedActions(state.step).map((a) => CASE_ACTION_LABELS[a].zh);
    return {
      ok: false,
      code: 'case.illegal_transition',
      message: {
        zh: `当前步骤为「${CASE_STEP_LABELS[state.step].zh}」，不能「${CASE_ACTION_LABELS[action].zh}」${allowed.length ? `；可进行：${allowed.join('、')}` : '；案件已结束'}`,
        en: `The case is at "${CASE_STEP_LABELS[state.step].en}"; "${CASE_ACTION_LABELS[action].en}" is not possible here`,
      },
    };
  }
  if (!rule.roles.includes(role)) {
    return {
      ok: false,
      code: 'case.role',
      message: {
        zh: `「${CASE_ACTION_LABELS[action].zh}」只能由${rule.roles.map(roleZh).join('、')}办理`,
        en: `"${CASE_ACTION_LABELS[action].en}" is for ${rule.roles.join(', ')} only`,
      },
    };
  }
  if (action === 'complete_home_check' && !state.attachmentKinds.includes('authorisation')) {
    return {
      ok: false,
      code: 'case.authorisation',
      message: {
        zh: '请先上传农户签字的授权书（入户核实须经本人书面授权）',
        en: "Upload the household's signed authorisation first",
      },
    };
  }
  if (action === 'close_notice') {
    const min = ctx.deadlines.noticeMinDays;
    const started = state.noticeStartedAt;
    if (!started || ctx.now.getTime() - started.getTime() < min * DAY) {
      const days = started ? Math.floor((ctx.now.getTime() - started.getTime()) / DAY) : 0;
      return {
        ok: false,
        code: 'case.notice_too_short',
        message: {
          zh: `公示不少于 ${min} 天，目前仅 ${days} 天`,
          en: `The notice must run at least ${min} days; it has run ${days}`,
        },
      };
    }
  }
  if ((action === 'return' || action === 'reject' || action === 'town_reject') && !ctx.note?.trim()) {
    return {
      ok: false,
      code: 'case.return_reason',
      message: { zh: '退回或不通过须写明理由', en: 'A return or rejection needs its reasons' },
    };
  }
  return { ok: true, to: rule.to };
}

function roleZh(r: Role): string {
  return {
    admin: '区帮扶办',
    leader: '区领导',
    unit: '成员单位',
    town: '镇(街)',
    village: '村(社区)',
    inspector: '专项督察组',
  }[r];
}

/** The actions possible from a step (any role). */
export function allowedActions(step: CaseStep): CaseAction[] {
  return CASE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(step));
}

/** The actions a role can take from a step: the work queue's "what do I do next". */
export function actionsFor(step: CaseStep, role: Role): CaseAction[] {
  return allowedActions(step).filter((a) => TRANSITIONS[a].roles.includes(role));
}

/** Deadline status of an open case: the step's due date, the total due date, and overdue flags. */
export function caseDeadlineStatus(
  c: { step: CaseStep; clueAt: Date; stepStartedAt: Date; closedAt: Date | null },
  deadlines: CaseDeadlines,
  now: Date,
): {
  stepDueAt: string | null;
  totalDueAt: string;
  stepOverdue: boolean;
  totalOverdue: boolean;
  daysElapsed: number;
} {
  const totalDue = new Date(c.clueAt.getTime() + deadlines.totalDays * DAY);
  const end = c.closedAt ?? now;
  const open = !TERMINAL_STEPS.includes(c.step);
  const stepDays = open ? deadlines.steps[c.step as OpenStep] : null;
  const stepDue = stepDays ? new Date(c.stepStartedAt.getTime() + stepDays * DAY) : null;
  return {
    stepDueAt: stepDue?.toISOString() ?? null,
    totalDueAt: totalDue.toISOString(),
    stepOverdue: open && !!stepDue && now > stepDue,
    totalOverdue: end > totalDue,
    daysElapsed: Math.floor((end.getTime() - c.clueAt.getTime()) / DAY),
  };
}
