import { eq } from 'drizzle-orm';
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
  type CaseDeadlines,
  type CaseKind,
  type CaseStep,
} from '../../../core/households/case-machine';
import type { CaseCreate, CaseListQuery, CaseSummary } from '../../../core/households/cases.schemas';
import { MONITORING_TYPE_LABELS, type MonitoringTypeCode } from '../../../core/monitoring/codes';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { appMeta, householdCases, householdCaseSteps } from '../../db/schema';
import type { Deps } from '../../deps';
import { recordEvent } from '../households/households.events';
import { canSeeHousehold, canWriteRegistry } from '../households/households.policy';
import { findHousehold } from '../households/households.repository';
import { exitCheck } from './cases.actions';
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

export const typeZh = (t: string | null) =>
  t ? (MONITORING_TYPE_LABELS[t as MonitoringTypeCode] ?? t) : null;

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

export async function loadVisibleCase(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<CaseRow> {
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
