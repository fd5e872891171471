import { and, asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import type { MeasureInput } from '../../../core/households/households.schemas';
import { ASSISTANCE_MEASURE_GROUPS, ASSISTANCE_MEASURE_TYPES } from '../../../core/monitoring/codes';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { householdEvents, householdMeasures, householdMembers, units } from '../../db/schema';
import type { Deps } from '../../deps';
import { recordEvent } from './households.events';
import { canWriteMeasure } from './households.policy';
import { loadVisibleHousehold } from './households.service';

const typeOf = (code: string) => ASSISTANCE_MEASURE_TYPES.find((t) => t.code === code);

function presentMeasure(m: typeof householdMeasures.$inferSelect) {
  const t = typeOf(m.type);
  return {
    id: m.id,
    householdId: m.householdId,
    memberId: m.memberId,
    type: m.type,
    typeZh: t?.zh ?? m.type,
    group: m.groupCode,
    groupZh: ASSISTANCE_MEASURE_GROUPS.find((g) => g.code === m.groupCode)?.zh ?? m.groupCode,
    deepGroup: m.deepGroup,
    description: m.description,
    unitId: m.unitId,
    responsiblePerson: m.responsiblePerson,
    startDate: m.startDate,
    endDate: m.endDate,
    outcome: m.outcome,
  };
}

async function checkMeasure(tx: DbOrTx, householdId: number, input: Partial<MeasureInput>) {
  if (input.type !== undefined && !typeOf(input.type))
    throw fieldError('type', 'measure.type', { zh: '帮扶措施类型不在代码表中', en: 'Unknown measure type' });
  if (input.memberId) {
    const [m] = await tx
      .select({ id: householdMembers.id })
      .from(householdMembers)
      .where(and(eq(householdMembers.id, input.memberId), eq(householdMembers.householdId, householdId)));
    if (!m)
      throw fieldError('memberId', 'member.not_found', {
        zh: '该成员不属于本户',
        en: 'Not a member of this household',
      });
  }
  if (input.unitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!u) throw fieldError('unitId', 'unit.not_found', { zh: '单位不存在', en: 'No such unit' });
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate)
    throw fieldError('endDate', 'date.order', {
      zh: '结束日期早于开始日期',
      en: 'End date before start date',
    });
}

export async function listMeasures(deps: Deps, actor: Actor, id: number) {
  await loadVisibleHousehold(deps.db, actor, id);
  const rows = await deps.db
    .select()
    .from(householdMeasures)
    .where(eq(householdMeasures.householdId, id))
    .orderBy(asc(householdMeasures.startDate), asc(householdMeasures.id));
  return { items: rows.map(presentMeasure) };
}

/** Records an assistance measure (R11; targeted at an R12 group when `deepGroup` is set). */
export async function addMeasure(deps: Deps, actor: Actor, id: number, input: MeasureInput) {
  return deps.db.transaction(async (tx) => {
    const h = await loadVisibleHousehold(tx, actor, id);
    if (!canWriteMeasure(actor, h)) throw new AppError('forbidden');
    await checkMeasure(tx, id, input);
    const [m] = await tx
      .insert(householdMeasures)
      .values({
        householdId: id,
        countyCode: h.countyCode,
        memberId: input.memberId ?? null,
        type: input.type,
        groupCode: typeOf(input.type)!.group,
        deepGroup: input.deepGroup ?? null,
        description: input.description,
        unitId: input.unitId ?? (actor.role === 'unit' ? actor.unitId : null),
        responsiblePerson: input.responsiblePerson ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        outcome: input.outcome ?? null,
        createdBy: actor.id,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning();
    const out = presentMeasure(m!);
    await audit(tx, actor, {
      action: 'household.measure_add',
      entity: 'household_measure',
      entityId: m!.id,
      after: out,
    });
    await recordEvent(tx, actor, h, deps.now(), 'measure.add', {
      zh: `落实帮扶措施：${out.typeZh}（${input.description}）`,
      en: `Measure added: ${input.type}`,
    });
    return out;
  });
}

export async function updateMeasure(
  deps: Deps,
  actor: Actor,
  id: number,
  measureId: number,
  input: Partial<MeasureInput>,
) {
  return deps.db.transaction(async (tx) => {
    const h = await loadVisibleHousehold(tx, actor, id);
    if (!canWriteMeasure(actor, h)) throw new AppError('forbidden');
    const [before] = await tx
      .select()
      .from(householdMeasures)
      .where(and(eq(householdMeasures.id, measureId), eq(householdMeasures.householdId, id)));
    if (!before) throw new AppError('not_found');
    await checkMeasure(tx, id, {
      ...input,
      startDate: input.startDate ?? before.startDate,
      endDate: input.endDate === undefined ? before.endDate : input.endDate,
    });
    const set: Partial<typeof householdMeasures.$inferInsert> = { updatedAt: deps.now() };
    for (const k of [
      'memberId',
      'deepGroup',
      'description',
      'unitId',
      'responsiblePerson',
      'startDate',
      'endDate',
      'outcome',
    ] as const)
      if (input[k] !== undefined) (set as Record<string, unknown>)[k] = input[k];
    if (input.type !== undefined) {
      set.type = input.type;
      set.groupCode = typeOf(input.type)!.group;
    }
    const [after] = await tx
      .update(householdMeasures)
      .set(set)
      .where(eq(householdMeasures.id, measureId))
      .returning();
    await audit(tx, actor, {
      action: 'household.measure_update',
      entity: 'household_measure',
      entityId: measureId,
      before: presentMeasure(before),
      after: presentMeasure(after!),
    });
    await recordEvent(tx, actor, h, deps.now(), 'measure.update', {
      zh: `更新帮扶措施：${presentMeasure(after!).typeZh}${input.outcome ? `，成效：${input.outcome}` : ''}`,
      en: 'Measure updated',
    });
    return presentMeasure(after!);
  });
}

/** Everything that happened to the household, newest first. */
export async function timeline(deps: Deps, actor: Actor, id: number) {
  await loadVisibleHousehold(deps.db, actor, id);
  const rows = await deps.db
    .select()
    .from(householdEvents)
    .where(eq(householdEvents.householdId, id))
    .orderBy(desc(householdEvents.at), desc(householdEvents.id))
    .limit(500);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUsername: r.actorUsername,
      kind: r.kind,
      summary: r.summary,
    })),
  };
}
