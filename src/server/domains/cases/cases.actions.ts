import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import {
  CASE_ACTION_LABELS,
  CASE_KIND_LABELS,
  TERMINAL_STEPS,
  decideTransition,
  type CaseDeadlines,
  type CaseKind,
  type CaseStep,
} from '../../../core/households/case-machine';
import type { CaseActionInput } from '../../../core/households/cases.schemas';
import { toMemberFacts } from '../../../core/households/member';
import type { LocalizedText } from '../../../core/identity/result';
import { canExitMonitoring } from '../../../core/monitoring/exit';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import {
  householdCases,
  householdCaseSteps,
  householdMembers,
  households,
  householdYears,
} from '../../db/schema';
import type { Deps } from '../../deps';
import { explainYear, loadYearConfig } from '../households/households.evaluation';
import { recordEvent } from '../households/households.events';
import { canWriteRegistry } from '../households/households.policy';
import { caseAttachments, type CaseRow } from './cases.repository';
import { chinaMonth, getCase, loadVisibleCase, typeZh } from './cases.service';

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
  const explained = year && config ? await explainYear(tx, householdId, year.year) : null;
  if (!year || !config || !explained) {
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
    assessment: explained.assessment,
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
