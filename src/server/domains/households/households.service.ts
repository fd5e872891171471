import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError, type ErrorDetail } from '../../../core/errors/errors';
import type {
  HouseholdCreate,
  HouseholdListQuery,
  HouseholdUpdate,
  MemberInput,
} from '../../../core/households/households.schemas';
import { prepareMember, type PreparedMember } from '../../../core/households/member';
import { todayIso } from '../../../core/identity/dates';
import { maskIdNumber } from '../../../core/identity/mask';
import { normalizeDigits } from '../../../core/identity/normalize';
import { parseIdNumber } from '../../../core/identity/idNumber';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { householdMembers, households, regions, units } from '../../db/schema';
import type { Deps } from '../../deps';
import { refreshHousehold } from './households.evaluation';
import { recordEvent } from './households.events';
import { canSeeHousehold, canWriteRegistry, householdScope } from './households.policy';
import { auditHousehold, presentHousehold, presentSummary } from './households.presenter';
import {
  findActiveByIdHash,
  findHousehold,
  findMembers,
  findYears,
  listConditions,
  listHouseholds as listRows,
  lockHousehold,
  type HouseholdRow,
} from './households.repository';

export const today = (deps: Deps) => todayIso(deps.now());

/** Loads a household the actor may see; out of scope answers like absent (404). */
export async function loadVisibleHousehold(db: DbOrTx, actor: Actor, id: number): Promise<HouseholdRow> {
  const row = await findHousehold(db, id);
  if (!row || !canSeeHousehold(actor, row)) throw new AppError('not_found');
  return row;
}

/** Loads a household the actor may change: 404 out of read scope, 403 when readable but not writable. */
export async function loadWritableHousehold(db: DbOrTx, actor: Actor, id: number): Promise<HouseholdRow> {
  const row = await loadVisibleHousehold(db, actor, id);
  if (!canWriteRegistry(actor, row.regionCode)) throw new AppError('forbidden');
  return row;
}

async function checkVillage(db: DbOrTx, code: string): Promise<void> {
  const [r] = await db.select().from(regions).where(eq(regions.code, code));
  if (!r || r.level !== 'village' || r.tree !== 'district') {
    throw fieldError('regionCode', 'region.wrong_level', {
      zh: '所在区域必须是本区的村(社区)',
      en: 'The region must be a village of the district',
    });
  }
}

async function checkUnit(db: DbOrTx, unitId: number | null | undefined): Promise<void> {
  if (!unitId) return;
  const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!u) throw fieldError('assistUnitId', 'unit.not_found', { zh: '帮扶单位不存在', en: 'No such unit' });
}

/** Validates members and derives identity data; every problem located as `members.N.field`. */
export function prepareAll(
  members: {
    input: Pick<MemberInput, 'idNumber' | 'sex' | 'birthDate' | 'disabilityCertificate' | 'phone'>;
    path: string;
  }[],
  asOf: string,
): PreparedMember[] {
  const details: ErrorDetail[] = [];
  const out: PreparedMember[] = [];
  for (const m of members) {
    const r = prepareMember(m.input, asOf);
    if (r.ok) out.push(r.value);
    else
      for (const p of r.problems)
        details.push({ path: `${m.path}.${p.field}`, code: p.code, message: p.message });
  }
  if (details.length > 0) throw new AppError('validation', undefined, details);
  return out;
}

/**
 * A person is in at most one active household (R10): a duplicate ID number is a located 409 for a
 * person to resolve, never a silent merge. The other household is named only when the actor may see it.
 */
export async function checkDuplicates(
  deps: Deps,
  db: DbOrTx,
  actor: Actor,
  items: { hash: string; path: string; memberId?: number }[],
): Promise<void> {
  const details: ErrorDetail[] = [];
  const seen = new Map<string, string>();
  for (const it of items) {
    const first = seen.get(it.hash);
    if (first) {
      details.push({
        path: `${it.path}.idNumber`,
        code: 'member.duplicate_in_household',
        message: { zh: `与 ${first} 的身份证号重复`, en: `Same ID number as ${first}` },
      });
    } else seen.set(it.hash, it.path);
  }
  const existing = await findActiveByIdHash(db, [...seen.keys()]);
  for (const e of existing) {
    const it = items.find((i) => i.hash === e.idHash && i.memberId !== e.memberId);
    if (!it) continue;
    const visible = canSeeHousehold(actor, e);
    details.push({
      path: `${it.path}.idNumber`,
      code: 'member.duplicate_id',
      message: visible
        ? {
            zh: `该身份证号已登记在另一在册家庭（户 ${e.householdId}）中；一人只能在一个在册家庭，请先核实并处理原家庭成员`,
            en: `This ID number is already a member of active household ${e.householdId}; resolve that record first`,
          }
        : {
            zh: '该身份证号已登记在其他镇(街)的在册家庭中，请联系区帮扶办核实',
            en: 'This ID number is already in an active household of another area; ask the office to check',
          },
    });
  }
  if (details.length > 0) {
    throw new AppError(
      'conflict',
      { zh: '身份证号与现有成员重复', en: 'An ID number duplicates an existing member' },
      details,
    );
  }
}

export function memberValues(
  deps: Deps,
  input: MemberInput,
  p: PreparedMember,
  householdId: number,
  countyCode: string,
  sort: number,
) {
  return {
    householdId,
    countyCode,
    name: input.name,
    idCipher: deps.pii.encrypt(p.idNormalized),
    idHash: deps.pii.hash(p.idNormalized),
    idMasked: maskIdNumber(p.idNormalized),
    birthDate: p.birthDate,
    sex: p.sex,
    relation: input.relation,
    ethnicity: input.ethnicity ?? null,
    education: input.education ?? null,
    schooling: input.schooling ?? null,
    outOfSchoolForHealth: input.outOfSchoolForHealth ?? false,
    health: input.health,
    disabilityCategory: p.disability?.category ?? null,
    disabilityGrade: p.disability?.grade ?? null,
    disabilityCertCipher: p.disability ? deps.pii.encrypt(p.disability.certificate) : null,
    labour: input.labour,
    workStatus: input.workStatus ?? null,
    workMonths: input.workMonths ?? null,
    workPlace: input.workPlace ?? null,
    medicalInsurance: input.medicalInsurance,
    criticalIllnessInsurance: input.criticalIllnessInsurance,
    pensionInsurance: input.pensionInsurance ?? null,
    familyDoctor: input.familyDoctor ?? null,
    specialHardship: input.specialHardship ?? false,
    hasLegalSupporter: input.hasLegalSupporterAbleToSupport ?? null,
    phoneCipher: p.phone ? deps.pii.encrypt(p.phone) : null,
    deepGroupsManual: input.deepGroupsManual ?? [],
    sort,
  };
}

function householdValues(deps: Deps, input: HouseholdUpdate) {
  const v: Partial<typeof households.$inferInsert> = {};
  const copy = [
    'householdNo',
    'villageGroup',
    'address',
    'bankName',
    'attribute',
    'povertyExitFlag',
    'riskCauses',
    'mainCause',
    'specialHardship',
    'assistUnitId',
    'assistPerson',
    'collectedBy',
    'collectedOn',
  ] as const;
  for (const k of copy) if (input[k] !== undefined) (v as Record<string, unknown>)[k] = input[k];
  if (input.regionCode !== undefined) {
    v.regionCode = input.regionCode;
    v.countyCode = input.regionCode.slice(0, 6);
  }
  if (input.phone !== undefined) {
    const phone = input.phone ? normalizeDigits(input.phone) : null;
    if (phone && !/^\+?\d{7,15}$/.test(phone))
      throw fieldError('phone', 'phone.format', {
        zh: '联系电话格式不正确',
        en: 'The phone number is not valid.',
      });
    v.phoneCipher = phone ? deps.pii.encrypt(phone) : null;
  }
  if (input.bankAccount !== undefined) {
    const acct = input.bankAccount ? normalizeDigits(input.bankAccount).replace(/-/g, '') : null;
    if (acct && !/^\d{8,30}$/.test(acct))
      throw fieldError('bankAccount', 'bank.format', {
        zh: '银行账号应为 8–30 位数字',
        en: 'A bank account has 8–30 digits.',
      });
    v.bankAccountCipher = acct ? deps.pii.encrypt(acct) : null;
  }
  return v;
}

function checkOneHead(members: { relation: string }[], path = 'members'): void {
  const heads = members.filter((m) => m.relation === 'head').length;
  if (heads !== 1) {
    throw fieldError(path, 'household.one_head', {
      zh: '每户必须有且只有一名户主',
      en: 'A household needs exactly one head',
    });
  }
}

/** Registers a household with its members (R10 registry); audited, on the timeline, evaluated. */
export async function createHousehold(deps: Deps, actor: Actor, input: HouseholdCreate) {
  if (!canWriteRegistry(actor, input.regionCode)) throw new AppError('forbidden');
  checkOneHead(input.members);
  const asOf = today(deps);
  const prepared = prepareAll(
    input.members.map((m, i) => ({ input: m, path: `members.${i}` })),
    asOf,
  );
  const id = await deps.db.transaction(async (tx) => {
    await checkVillage(tx, input.regionCode);
    await checkUnit(tx, input.assistUnitId);
    await checkDuplicates(
      deps,
      tx,
      actor,
      prepared.map((p, i) => ({ hash: deps.pii.hash(p.idNormalized), path: `members.${i}` })),
    );
    const head = input.members.find((m) => m.relation === 'head')!;
    const monitored = !!input.monitoringType;
    const [created] = await tx
      .insert(households)
      .values({
        ...householdValues(deps, input),
        regionCode: input.regionCode,
        countyCode: input.regionCode.slice(0, 6),
        headName: head.name,
        attribute: input.attribute,
        monitoringStatus: monitored ? 'monitored' : 'none',
        monitoringType: input.monitoringType ?? null,
        monitoringSince: monitored ? (input.monitoringSince ?? null) : null,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning();
    const h = created!;
    await tx
      .insert(householdMembers)
      .values(input.members.map((m, i) => memberValues(deps, m, prepared[i]!, h.id, h.countyCode, i)));
    await refreshHousehold(tx, h.id, deps.now());
    await audit(tx, actor, {
      action: 'household.create',
      entity: 'household',
      entityId: h.id,
      after: { ...auditHousehold(h), members: input.members.length },
    });
    await recordEvent(tx, actor, h, deps.now(), 'household.create', {
      zh: `登记家庭，${input.members.length} 名成员`,
      en: `Household registered with ${input.members.length} member(s)`,
    });
    return h.id;
  });
  return getHousehold(deps, actor, id);
}

export async function getHousehold(deps: Deps, actor: Actor, id: number) {
  const row = await loadVisibleHousehold(deps.db, actor, id);
  const members = await findMembers(deps.db, id);
  const years = await findYears(deps.db, id);
  return presentHousehold(row, members, years, deps.pii, today(deps));
}

/** The keyed hash of `q` when it is a full ID number (exact search without decrypting anything). */
export function idHashOfQuery(deps: Deps, q: string | undefined): string | null {
  if (!q) return null;
  const s = normalizeDigits(q);
  if (!/^(\d{17}[\dX]|\d{15})$/.test(s)) return null;
  const parsed = parseIdNumber(s, { asOf: today(deps) });
  return parsed.ok ? deps.pii.hash(parsed.value.normalized) : deps.pii.hash(s);
}

export async function listHouseholds(deps: Deps, actor: Actor, query: HouseholdListQuery) {
  const idHash = idHashOfQuery(deps, query.q);
  const where = listConditions(householdScope(actor), query, idHash);
  const rows = await listRows(deps.db, where, { after: query.after, limit: query.limit, year: query.year });
  return {
    items: rows.map(presentSummary),
    nextAfter: rows.length === query.limit ? rows.at(-1)!.id : null,
  };
}

export async function updateHousehold(deps: Deps, actor: Actor, id: number, input: HouseholdUpdate) {
  await deps.db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const before = await loadWritableHousehold(tx, actor, id);
    if (input.regionCode !== undefined && input.regionCode !== before.regionCode) {
      if (!canWriteRegistry(actor, input.regionCode)) throw new AppError('forbidden');
      await checkVillage(tx, input.regionCode);
    }
    await checkUnit(tx, input.assistUnitId);
    const [after] = await tx
      .update(households)
      .set({ ...householdValues(deps, input), updatedAt: deps.now() })
      .where(eq(households.id, id))
      .returning();
    await refreshHousehold(tx, id, deps.now());
    await audit(tx, actor, {
      action: 'household.update',
      entity: 'household',
      entityId: id,
      before: auditHousehold(before),
      after: auditHousehold(after!),
    });
    await recordEvent(tx, actor, after!, deps.now(), 'household.update', {
      zh: `修改家庭信息：${Object.keys(input).join('、')}`,
      en: `Household updated: ${Object.keys(input).join(', ')}`,
    });
  });
  return getHousehold(deps, actor, id);
}
