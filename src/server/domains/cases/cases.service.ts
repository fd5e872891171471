import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import {
  CASE_ACTION_LABELS,
  CASE_KIND_LABELS,
  CASE_STEP_LABELS,
  CaseDeadlinesSchema,
  DEFAULT_CASE_DEADLINES,
  OPEN_STEPS,
  TERMINAL_STEPS,
  actionsFor,
  caseDeadlineStatus,
  decideTransition,
  type CaseDeadlines,
  type CaseKind,
  type CaseStep,
} from '../../../core/households/case-machine';
import type {
  CaseActionInput,
  CaseCreate,
  CaseListQuery,
  CaseSummary,
} from '../../../core/households/cases.schemas';
import { toMemberFacts } from '../../../core/households/member';
import type { LocalizedText } from '../../../core/identity/result';
import { MONITORING_TYPE_LABELS, type MonitoringTypeCode } from '../../../core/monitoring/codes';
import type { Criterion } from '../../../core/monitoring/criteria';
import { canExitMonitoring } from '../../../core/monitoring/exit';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import {
  appMeta,
  householdCases,
  householdCaseSteps,
  householdMembers,
  households,
  householdYears,
} from '../../db/schema';
import type { Deps } from '../../deps';
import { loadYearConfig } from '../households/households.evaluation';
import { recordEvent } from '../households/households.events';
import { canSeeHousehold, canWriteRegistry } from '../households/households.policy';
import { findHousehold } from '../households/households.repository';
import { canOpenCase, caseScope } from './cases.policy';
import {
  caseAttachments,
  caseSteps,
  findCase,
  findOpenCase,
  listCases as listCaseRows,
  type CaseRow,
} from './cases.repository';

const DEADLINES_KEY = 'cases.deadlines';

/** The procedure's deadlines (configuration as data; ≤15 days from the clue by default). */
export async function loadDeadlines(db: DbOrTx): Promise<CaseDeadlines> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, DEADLINES_KEY));
  return row ? CaseDeadlinesSchema.parse(row.value) : DEFAULT_CASE_DEADLINES;
}

export async function putDeadlines(deps: Deps, actor: Actor, value: CaseDeadlines) {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    const before = await loadDeadlines(tx);
    await tx
      .insert(appMeta)
      .values({ key: DEADLINES_KEY, value, updatedAt: deps.now() })
      .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: deps.now() } });
    await audit(tx, actor, {
      action: 'case.deadlines',
      entity: 'app_meta',
      entityId: DEADLINES_KEY,
      before,
      after: value,
    });
  });
  return value;
}

/** YYYYMM in China Standard Time (monitoring dates are months, as in the national exports). */
export function chinaMonth(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 7).replace('-', '');
}
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const typeZh = (t: string | null) => (t ? (MONITORING_TYPE_LABELS[t as MonitoringTypeCode] ?? t) : null);

/** The proposal in a clerk's words, e.g. 拟纳入：边缘易致贫户 (used by lists and the notice). */
export function proposalText(c: { kind: string; proposedType: string | null }): string {
  if (c.kind === 'include') return `拟纳入监测：${typeZh(c.proposedType)}`;
  if (c.kind === 'change_type') return `拟变更监测类别为：${typeZh(c.proposedType)}`;
  return '拟退出监测（风险消除）';
}

export function presentCase(row: CaseRow, actor: Actor, now: Date): CaseSummary {
  const deadlines = row.deadlines as CaseDeadlines;
  const step = row.step as CaseStep;
  return {
    id: row.id,
    householdId: row.householdId,
    headName: row.headName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    kind: row.kind as CaseKind,
    kindZh: CASE_KIND_LABELS[row.kind as CaseKind].zh,
    includeKind: row.includeKind,
    proposedType: row.proposedType,
    proposedTypeZh: typeZh(row.proposedType),
    source: row.source,
    step,
    stepZh: CASE_STEP_LABELS[step].zh,
    clueAt: row.clueAt.toISOString(),
    stepStartedAt: row.stepStartedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    returnCount: row.returnCount,
    deadline: caseDeadlineStatus(
      { step, clueAt: row.clueAt, stepStartedAt: row.stepStartedAt, closedAt: row.closedAt },
      deadlines,
      now,
    ),
    actions: actionsFor(step, actor.role),
  };
}

async function loadVisibleCase(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<CaseRow> {
  const row = await findCase(db, id, lock);
  const scope = caseScope(actor);
  if (
    !row ||
    scope.kind === 'none' ||
    (scope.kind !== 'all' && !canSeeHousehold(actor, { regionCode: row.regionCode, assistUnitId: null }))
  )
    throw new AppError('not_found');
  return row;
}

/**
 * Exit eligibility (R10 应退尽退 / risk elimination): the latest evaluated year's assessment, the members,
 * and the home check's monthly incomes and rigid-cost finding, through canExitMonitoring.
 */
export async function exitCheck(
  tx: DbOrTx,
  householdId: number,
  homeCheck:
    { monthlyIncome?: { month: string; perCapitaAnnualised: number }[]; rigidResolved?: boolean } | undefined,
): Promise<{ allowed: boolean; reasons: LocalizedText[] }> {
  const [year] = await tx
    .select()
    .from(householdYears)
    .where(and(eq(householdYears.householdId, householdId), eq(householdYears.evaluation, 'evaluated')))
    .orderBy(desc(householdYears.year))
    .limit(1);
  const config = year ? await loadYearConfig(tx, year.year) : null;
  if (!year || !config) {
    return {
      allowed: false,
      reasons: [{ zh: '尚无已评估的年度收支记录，无法判断能否退出监测', en: 'No evaluated year on record' }],
    };
  }
  const members = await tx
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.active, true)));
  const r = canExitMonitoring({
    config,
    monthlyIncomeHistory: homeCheck?.monthlyIncome ?? [],
    rigidResolved: homeCheck?.rigidResolved ?? false,
    assessment: (year.assessment ?? []) as Criterion[],
    members: members.map(toMemberFacts),
  });
  return { allowed: r.allowed, reasons: r.reasons };
}

function exitRefusal(reasons: LocalizedText[]): AppError {
  return new AppError(
    'conflict',
    {
      zh: `不符合退出监测条件：${reasons.map((r) => r.zh).join('；')}`,
      en: `The household cannot exit monitoring: ${reasons.map((r) => r.en).join('; ')}`,
    },
    reasons.map((message) => ({ path: 'homeCheck', code: 'case.exit_not_allowed', message })),
  );
}

/** Opens a case from a clue (R10): include (new / returning), change of type, or exit. */
export async function openCase(deps: Deps, actor: Actor, input: CaseCreate) {
  if (!canOpenCase(actor)) throw new AppError('forbidden');
  const id = await deps.db.transaction(async (tx) => {
    const h = await findHousehold(tx, input.householdId);
    if (!h || !canSeeHousehold(actor, h))
      throw fieldError('householdId', 'household.not_found', { zh: '家庭不存在', en: 'No such household' });
    if (!canWriteRegistry(actor, h.regionCode)) throw new AppError('forbidden');
    if (!h.active) throw new AppError('conflict', { zh: '该户已注销', en: 'The household is inactive' });
    if (await findOpenCase(tx, h.id))
      throw new AppError(
        'conflict',
        { zh: '该户已有办理中的调整案件，请先办结', en: 'The household already has an open case' },
        [
          {
            path: 'householdId',
            code: 'case.open_exists',
            message: { zh: '该户已有办理中的调整案件', en: 'An open case exists' },
          },
        ],
      );
    const monitored = h.monitoringStatus === 'monitored';
    if (input.kind !== 'exit' && !input.proposedType)
      throw fieldError('proposedType', 'required', {
        zh: '请选择拟纳入（变更）的监测类别',
        en: 'Choose the proposed monitoring type',
      });
    if (input.kind === 'include' && monitored)
      throw new AppError('conflict', {
        zh: '该户已是监测对象，不能重复纳入；如需调整类别请办理变更',
        en: 'Already monitored; open a change of type instead',
      });
    if (input.kind !== 'include' && !monitored)
      throw new AppError('conflict', {
        zh: '该户不是监测对象，不能办理变更或退出',
        en: 'The household is not monitored',
      });
    if (input.kind === 'change_type' && input.proposedType === h.monitoringType)
      throw fieldError('proposedType', 'case.same_type', {
        zh: '拟变更的类别与现类别相同',
        en: 'Same type as now',
      });
    const now = deps.now();
    const [c] = await tx
      .insert(householdCases)
      .values({
        householdId: h.id,
        countyCode: h.countyCode,
        regionCode: h.regionCode,
        kind: input.kind,
        includeKind:
          input.kind === 'include' ? (h.monitoringStatus === 'eliminated' ? 'returning' : 'new') : null,
        proposedType: input.kind === 'exit' ? null : (input.proposedType ?? null),
        eliminationMethod: input.kind === 'exit' ? (input.eliminationMethod ?? 'assisted') : null,
        source: input.source,
        clueNote: input.clueNote,
        step: 'home_check',
        clueAt: now,
        stepStartedAt: now,
        deadlines: await loadDeadlines(tx),
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(householdCaseSteps).values({
      caseId: c!.id,
      action: 'open',
      fromStep: null,
      toStep: 'home_check',
      at: now,
      actorId: actor.id,
      actorUsername: actor.username,
      actorRole: actor.role,
      note: input.clueNote,
    });
    await audit(tx, actor, {
      action: 'case.open',
      entity: 'household_case',
      entityId: c!.id,
      after: { householdId: h.id, kind: input.kind, proposedType: c!.proposedType, source: input.source },
    });
    await recordEvent(tx, actor, h, now, 'case.open', {
      zh: `登记线索（${input.source === 'application' ? '农户自主申报' : input.source === 'cadreScreening' ? '基层干部排查' : '部门筛查预警'}）：${proposalText(c!)}`,
      en: `Case opened: ${input.kind}`,
    });
    return c!.id;
  });
  return getCase(deps, actor, id);
}

export async function getCase(deps: Deps, actor: Actor, id: number) {
  const row = await loadVisibleCase(deps.db, actor, id);
  const steps = await caseSteps(deps.db, id);
  const files = await caseAttachments(deps.db, id);
  const data = row.data as Record<string, unknown>;
  const check =
    row.kind === 'exit' && !TERMINAL_STEPS.includes(row.step as CaseStep)
      ? await exitCheck(deps.db, row.householdId, data.homeCheck as never)
      : null;
  return {
    ...presentCase(row, actor, deps.now()),
    clueNote: row.clueNote,
    eliminationMethod: row.eliminationMethod,
    noticeStartedAt: row.noticeStartedAt?.toISOString() ?? null,
    data,
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action,
      actionZh:
        s.action === 'open'
          ? '登记线索'
          : (CASE_ACTION_LABELS[s.action as keyof typeof CASE_ACTION_LABELS]?.zh ?? s.action),
      fromStep: s.fromStep,
      toStep: s.toStep,
      at: s.at.toISOString(),
      actorUsername: s.actorUsername,
      actorRole: s.actorRole,
      note: s.note,
    })),
    attachments: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      uploadedAt: f.uploadedAt.toISOString(),
    })),
    exitCheck: check,
  };
}

export async function listCases(deps: Deps, actor: Actor, query: CaseListQuery) {
  const rows = await listCaseRows(deps.db, caseScope(actor), query);
  const now = deps.now();
  return {
    items: rows.map((r) => presentCase(r, actor, now)),
    nextAfter: rows.length === query.limit ? rows.at(-1)!.id : null,
  };
}

/** The work queue: open cases in scope where this role has the next move, overdue first. */
export async function workQueue(deps: Deps, actor: Actor) {
  const steps = OPEN_STEPS.filter((s) => actionsFor(s, actor.role).length > 0);
  if (steps.length === 0) return { items: [] };
  const rows = await listCaseRows(deps.db, caseScope(actor), { limit: 500, steps: [...steps] });
  const now = deps.now();
  const items = rows.map((r) => presentCase(r, actor, now));
  items.sort(
    (a, b) =>
      Number(b.deadline.stepOverdue || b.deadline.totalOverdue) -
        Number(a.deadline.stepOverdue || a.deadline.totalOverdue) || a.clueAt.localeCompare(b.clueAt),
  );
  return { items };
}

/** Applies the approved outcome to the household (its status changes; nothing is deleted). */
async function applyOutcome(tx: DbOrTx, actor: Actor, c: CaseRow, now: Date) {
  const [before] = await tx.select().from(households).where(eq(households.id, c.householdId));
  const set: Partial<typeof households.$inferInsert> = { updatedAt: now };
  if (c.kind === 'include') {
    Object.assign(set, {
      monitoringStatus: 'monitored',
      monitoringType: c.proposedType,
      monitoringSince: chinaMonth(now),
      monitoringUntil: null,
      riskEliminationMethod: null,
    });
  } else if (c.kind === 'change_type') {
    set.monitoringType = c.proposedType;
  } else {
    Object.assign(set, {
      monitoringStatus: 'eliminated',
      monitoringUntil: chinaMonth(now),
      riskEliminationMethod: c.eliminationMethod ?? 'assisted',
    });
  }
  await tx.update(households).set(set).where(eq(households.id, c.householdId));
  await recordEvent(
    tx,
    actor,
    { id: c.householdId, countyCode: c.countyCode },
    now,
    'household.monitoring_status',
    {
      zh:
        c.kind === 'exit'
          ? '经区级审定，风险已消除，标记为退出监测（记录保留）'
          : `经区级审定，${c.kind === 'include' ? '纳入监测' : '变更监测类别'}：${typeZh(c.proposedType)}`,
      en: `Monitoring status changed by case ${c.id}`,
    },
  );
  return {
    before: { monitoringStatus: before!.monitoringStatus, monitoringType: before!.monitoringType },
    after: {
      monitoringStatus: set.monitoringStatus ?? before!.monitoringStatus,
      monitoringType: set.monitoringType ?? before!.monitoringType,
    },
  };
}

/** Takes one step of the procedure; illegal transitions are refused with a clear, actionable error. */
export async function act(deps: Deps, actor: Actor, id: number, input: CaseActionInput) {
  await deps.db.transaction(async (tx) => {
    const c = await loadVisibleCase(tx, actor, id, true);
    const now = deps.now();
    const files = await caseAttachments(tx, id);
    const decision = decideTransition(
      {
        step: c.step as CaseStep,
        noticeStartedAt: c.noticeStartedAt,
        attachmentKinds: files.map((f) => f.kind),
      },
      input.action,
      actor.role,
      { now, deadlines: c.deadlines as CaseDeadlines, note: input.note ?? null },
    );
    if (!decision.ok) {
      const code =
        decision.code === 'case.role'
          ? 'forbidden'
          : decision.code === 'case.illegal_transition'
            ? 'conflict'
            : decision.code === 'case.return_reason'
              ? 'validation'
              : 'conflict';
      throw new AppError(code, decision.message, [
        {
          path: decision.code === 'case.return_reason' ? 'note' : 'action',
          code: decision.code,
          message: decision.message,
        },
      ]);
    }
    if ((actor.role === 'town' || actor.role === 'village') && !canWriteRegistry(actor, c.regionCode))
      throw new AppError('forbidden');
    const data = { ...(c.data as Record<string, unknown>) };
    const set: Partial<typeof householdCases.$inferInsert> = {
      step: decision.to,
      stepStartedAt: now,
      updatedAt: now,
    };
    switch (input.action) {
      case 'complete_home_check': {
        if (!input.homeCheck)
          throw fieldError('homeCheck', 'required', {
            zh: '请填写入户核实情况',
            en: 'Record the home check',
          });
        if (c.kind === 'exit') {
          if (!input.homeCheck.monthlyIncome?.length || input.homeCheck.rigidResolved === undefined)
            throw fieldError('homeCheck.monthlyIncome', 'required', {
              zh: '退出监测须填写近几个月的人均收入测算和刚性支出是否解决',
              en: 'Exit needs monthly incomes and the rigid-cost finding',
            });
          const check = await exitCheck(tx, c.householdId, input.homeCheck);
          if (!check.allowed) throw exitRefusal(check.reasons);
        }
        data.homeCheck = input.homeCheck;
        break;
      }
      case 'record_appraisal':
        if (!input.appraisal)
          throw fieldError('appraisal', 'required', {
            zh: '请填写村级民主评议情况',
            en: 'Record the appraisal',
          });
        data.appraisal = input.appraisal;
        set.noticeStartedAt = now;
        break;
      case 'close_notice':
        data.notice = { closedAt: now.toISOString(), objections: input.objections ?? null };
        break;
      case 'return':
        set.returnCount = c.returnCount + 1;
        data.returns = [
          ...((data.returns as unknown[]) ?? []),
          { at: now.toISOString(), by: actor.username, reasons: input.note },
        ];
        break;
      case 'approve':
        if (c.kind === 'exit') {
          const check = await exitCheck(tx, c.householdId, data.homeCheck as never);
          if (!check.allowed) throw exitRefusal(check.reasons);
        }
        break;
      default:
        break;
    }
    if (TERMINAL_STEPS.includes(decision.to)) set.closedAt = now;
    set.data = data;
    await tx.update(householdCases).set(set).where(eq(householdCases.id, id));
    await tx.insert(householdCaseSteps).values({
      caseId: id,
      action: input.action,
      fromStep: c.step,
      toStep: decision.to,
      at: now,
      actorId: actor.id,
      actorUsername: actor.username,
      actorRole: actor.role,
      note: input.note ?? null,
      data:
        input.homeCheck ?? input.appraisal ?? (input.objections ? { objections: input.objections } : null),
    });
    // The approved outcome is part of the same audited change (one audit row per mutation).
    const outcome = input.action === 'approve' ? await applyOutcome(tx, actor, c, now) : null;
    await audit(tx, actor, {
      action: `case.${input.action}`,
      entity: 'household_case',
      entityId: id,
      before: { step: c.step, household: outcome?.before },
      after: { step: decision.to, note: input.note ?? null, household: outcome?.after },
    });
    await recordEvent(
      tx,
      actor,
      { id: c.householdId, countyCode: c.countyCode },
      now,
      `case.${input.action}`,
      {
        zh: `${CASE_KIND_LABELS[c.kind as CaseKind].zh}案件：${CASE_ACTION_LABELS[input.action].zh}${input.note ? `（${input.note}）` : ''}`,
        en: `Case ${id}: ${input.action}`,
      },
    );
  });
  return getCase(deps, actor, id);
}
