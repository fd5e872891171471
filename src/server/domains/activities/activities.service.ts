import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import {
  AMOUNT_REQUIRED,
  PERSON_REQUIRED,
  halfOf,
  type ActivityInput,
  type ActivityListQuery,
  type ActivityType,
} from '../../../core/activities/activities.schemas';
import { AppError, fieldError } from '../../../core/errors/errors';
import { parseIdNumber } from '../../../core/identity/idNumber';
import { audit, logPiiAccess } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { activities } from '../../db/schema';
import type { Deps } from '../../deps';
import { activityScope, canSeeActivity, canWriteActivity } from './activities.policy';
import { auditActivity, presentActivity } from './activities.presenter';
import {
  findActivity,
  findRegion,
  findTownOffice,
  findUnit,
  listActivities as listActivityRows,
  type ActivityRow,
} from './activities.repository';

export const asTarget = (row: ActivityRow) => ({
  type: row.type as ActivityType,
  unitId: row.unitId,
  townCode: row.townCode,
});

/** The unit a new record belongs to: a unit user's own, a town's office, or the one the office names. */
async function resolveUnitId(tx: DbOrTx, actor: Actor, input: ActivityInput): Promise<number> {
  if (actor.role === 'unit') {
    if (input.unitId && input.unitId !== actor.unitId) throw new AppError('forbidden');
    return actor.unitId!;
  }
  if (actor.role === 'town') {
    if (actor.unitId) return actor.unitId;
    const office = actor.regionCode ? await findTownOffice(tx, actor.regionCode) : undefined;
    if (!office)
      throw fieldError('unitId', 'unit.no_town_office', {
        zh: '本镇(街)尚未设立镇(街)办单位，请联系帮扶办',
        en: 'Your town has no town-office unit yet; ask the office',
      });
    return office.id;
  }
  if (!input.unitId)
    throw fieldError('unitId', 'required', { zh: '请选择填报单位', en: 'Choose the unit that did it' });
  return input.unitId;
}

/** Validates the common columns against the database and derives county, town, person hash and half-year. */
async function prepare(
  deps: Deps,
  tx: DbOrTx,
  actor: Actor,
  input: ActivityInput,
  unitId: number,
  previous?: ActivityRow,
) {
  const unit = await findUnit(tx, unitId);
  if (!unit || !unit.active)
    throw fieldError('unitId', 'unit.not_found', { zh: '单位不存在或已停用', en: 'No such active unit' });
  const region = await findRegion(tx, input.regionCode);
  if (!region)
    throw fieldError('regionCode', 'region.not_found', {
      zh: '地点（行政区划）不存在',
      en: 'No such region',
    });
  if (AMOUNT_REQUIRED.has(input.type) && input.amountYuan == null)
    throw fieldError('amountYuan', 'required', { zh: '请填写金额（元）', en: 'Enter the amount in yuan' });

  let person: { personHash: string | null; personIdEnc: string | null; personName: string | null };
  if (input.person) {
    const parsed = parseIdNumber(input.person.idNumber, { asOf: deps.now().toISOString().slice(0, 10) });
    if (!parsed.ok) throw fieldError('person.idNumber', parsed.code, parsed.message);
    const normalized = parsed.value.normalized;
    person = {
      personHash: deps.pii.hash(normalized),
      personIdEnc: deps.pii.encrypt(normalized),
      personName: input.person.name,
    };
  } else if (input.person === undefined && previous) {
    // An update that leaves the person out keeps the one on file (the client only has the masked number).
    person = {
      personHash: previous.personHash,
      personIdEnc: previous.personIdEnc,
      personName: previous.personName,
    };
  } else {
    person = { personHash: null, personIdEnc: null, personName: null };
  }
  if (PERSON_REQUIRED.has(input.type) && !person.personIdEnc)
    throw fieldError('person', 'required', {
      zh: '请填写人员姓名和身份证号（每人只统计一次）',
      en: "Enter the person's name and ID number (each person counts once)",
    });

  let townCode: string | null = null;
  if (actor.role === 'town') townCode = actor.regionCode;
  else if (unit.kind === 'town_office' && unit.regionCode) townCode = unit.regionCode;
  else if (region.tree === 'district' && region.level === 'town') townCode = region.code;
  else if (region.tree === 'district' && region.level === 'village') townCode = region.parentCode;

  const details: Record<string, unknown> = { ...input.details };
  if (input.type === 'consumption_purchase') details.half = halfOf(input.date);
  return {
    type: input.type,
    date: input.date,
    unitId,
    regionCode: input.regionCode,
    countyCode: input.regionCode.slice(0, 6),
    townCode,
    amountYuan: input.amountYuan ?? null,
    peopleCount: input.peopleCount ?? null,
    ...person,
    details,
    evidence: input.evidence,
    note: input.note ?? null,
  };
}

export async function loadVisible(db: DbOrTx, actor: Actor, id: number) {
  const row = await findActivity(db, id);
  // Out of scope answers like absent: a unit cannot probe which records other units have.
  if (!row || !canSeeActivity(actor, asTarget(row))) throw new AppError('not_found');
  return row;
}

export async function listActivities(deps: Deps, actor: Actor, query: ActivityListQuery) {
  const rows = await listActivityRows(deps.db, activityScope(actor), query);
  return {
    items: rows.map((r) => presentActivity(r, deps.pii)),
    nextAfter: rows.length === query.limit ? rows.at(-1)!.id : null,
  };
}

export async function getActivity(deps: Deps, actor: Actor, id: number) {
  return presentActivity(await loadVisible(deps.db, actor, id), deps.pii);
}

/** Records one activity (R1, R4–R8, R16), audited in the same transaction. */
export async function createActivity(deps: Deps, actor: Actor, input: ActivityInput) {
  const id = await deps.db.transaction(async (tx) => {
    const unitId = await resolveUnitId(tx, actor, input);
    const values = await prepare(deps, tx, actor, input, unitId);
    if (!canWriteActivity(actor, values)) throw new AppError('forbidden');
    const [created] = await tx
      .insert(activities)
      .values({ ...values, createdBy: actor.id || null })
      .returning({ id: activities.id });
    const after = presentActivity((await findActivity(tx, created!.id))!, deps.pii);
    await audit(tx, actor, {
      action: 'activity.create',
      entity: 'activity',
      entityId: created!.id,
      after: auditActivity(after),
    });
    return created!.id;
  });
  return getActivity(deps, actor, id);
}

/** Replaces a record's fields (its type stays); the person is kept when the body leaves it out. */
export async function updateActivity(deps: Deps, actor: Actor, id: number, input: ActivityInput) {
  await deps.db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    if (!canWriteActivity(actor, asTarget(before))) throw new AppError('forbidden');
    if (input.type !== before.type)
      throw fieldError('type', 'activity.type_fixed', {
        zh: '记录类型不能修改',
        en: "A record's type cannot change",
      });
    const unitId = actor.role === 'admin' ? (input.unitId ?? before.unitId) : before.unitId;
    if (actor.role !== 'admin' && input.unitId && input.unitId !== before.unitId)
      throw new AppError('forbidden');
    const values = await prepare(deps, tx, actor, input, unitId, before);
    if (!canWriteActivity(actor, values)) throw new AppError('forbidden');
    await tx
      .update(activities)
      .set({ ...values, updatedAt: deps.now() })
      .where(eq(activities.id, id));
    const after = presentActivity((await findActivity(tx, id))!, deps.pii);
    await audit(tx, actor, {
      action: 'activity.update',
      entity: 'activity',
      entityId: id,
      before: auditActivity(presentActivity(before, deps.pii)),
      after: auditActivity(after),
    });
  });
  return getActivity(deps, actor, id);
}

export async function deleteActivity(deps: Deps, actor: Actor, id: number) {
  await deps.db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    if (!canWriteActivity(actor, asTarget(before))) throw new AppError('forbidden');
    await tx.delete(activities).where(eq(activities.id, id));
    await audit(tx, actor, {
      action: 'activity.delete',
      entity: 'activity',
      entityId: id,
      before: auditActivity(presentActivity(before, deps.pii)),
    });
  });
}

/**
 * The full ID number of the person a record names, for the office only, with a stated purpose; every
 * such view is logged (Privacy: masked unless role and purpose allow, every full view logged).
 */
export async function revealPersonId(deps: Deps, actor: Actor, id: number, purpose: string) {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const row = await loadVisible(tx, actor, id);
    if (!row.personIdEnc)
      throw new AppError('not_found', { zh: '该记录没有登记人员', en: 'This record names no person' });
    await logPiiAccess(tx, actor, {
      kind: 'view',
      entity: 'activity',
      entityId: id,
      field: 'person.idNumber',
      purpose,
    });
    return { idNumber: deps.pii.decrypt(row.personIdEnc) };
  });
}
