import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import type { MemberInput, MemberUpdate } from '../../../core/households/households.schemas';
import { memberFieldLabel } from '../../../core/households/ledger';
import { maskIdNumber } from '../../../core/identity/mask';
import { audit, logPiiAccess } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { householdMembers, households } from '../../db/schema';
import type { Deps } from '../../deps';
import { refreshHousehold } from './households.evaluation';
import { recordEvent } from './households.events';
import { canRevealPii, canWriteRegistry } from './households.policy';
import { auditMember } from './households.presenter';
import { findMembers, lockHousehold } from './households.repository';
import {
  checkDuplicates,
  getHousehold,
  loadVisibleHousehold,
  loadWritableHousehold,
  memberValues,
  prepareAll,
  today,
} from './households.service';

/** Adds a member (birth, marriage, move-in); the duplicate rule applies. */
export async function addMember(deps: Deps, actor: Actor, id: number, input: MemberInput) {
  const [p] = prepareAll([{ input, path: 'member' }], today(deps));
  await deps.db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const h = await loadWritableHousehold(tx, actor, id);
    const members = await findMembers(tx, id, true);
    if (input.relation === 'head' && members.some((m) => m.relation === 'head'))
      throw fieldError('member.relation', 'household.one_head', {
        zh: '该户已有户主',
        en: 'The household already has a head',
      });
    await checkDuplicates(deps, tx, actor, [{ hash: deps.pii.hash(p!.idNormalized), path: 'member' }]);
    const [m] = await tx
      .insert(householdMembers)
      .values(memberValues(deps, input, p!, id, h.countyCode, members.length))
      .returning();
    await refreshHousehold(tx, id, deps.now());
    // Read back: the refresh has just derived the member's groups.
    await audit(tx, actor, {
      action: 'household.member_add',
      entity: 'household_member',
      entityId: m!.id,
      after: auditMember(await loadMember(tx, id, m!.id)),
    });
    await recordEvent(tx, actor, h, deps.now(), 'member.add', {
      zh: `新增成员 ${input.name}`,
      en: 'Member added',
    });
  });
  return getHousehold(deps, actor, id);
}

async function loadMember(tx: DbOrTx, householdId: number, memberId: number) {
  const [m] = await tx
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.id, memberId), eq(householdMembers.householdId, householdId)));
  if (!m) throw new AppError('not_found');
  return m;
}

export async function updateMember(
  deps: Deps,
  actor: Actor,
  id: number,
  memberId: number,
  input: MemberUpdate,
) {
  await deps.db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const h = await loadWritableHousehold(tx, actor, id);
    const before = await loadMember(tx, id, memberId);
    const values: Partial<typeof householdMembers.$inferInsert> = {};
    const copy = [
      'name',
      'relation',
      'ethnicity',
      'education',
      'schooling',
      'outOfSchoolForHealth',
      'health',
      'labour',
      'workStatus',
      'workMonths',
      'workPlace',
      'medicalInsurance',
      'criticalIllnessInsurance',
      'pensionInsurance',
      'familyDoctor',
      'specialHardship',
      'deepGroupsManual',
    ] as const;
    for (const k of copy) if (input[k] !== undefined) (values as Record<string, unknown>)[k] = input[k];
    if (input.hasLegalSupporterAbleToSupport !== undefined)
      values.hasLegalSupporter = input.hasLegalSupporterAbleToSupport;
    if (
      input.idNumber !== undefined ||
      input.disabilityCertificate !== undefined ||
      input.phone !== undefined ||
      input.sex !== undefined ||
      input.birthDate !== undefined
    ) {
      const idNumber = input.idNumber ?? deps.pii.decrypt(before.idCipher);
      const [p] = prepareAll(
        [
          {
            input: {
              idNumber,
              sex: input.sex,
              birthDate: input.birthDate,
              disabilityCertificate:
                input.disabilityCertificate === undefined && before.disabilityCertCipher
                  ? deps.pii.decrypt(before.disabilityCertCipher)
                  : input.disabilityCertificate,
              phone:
                input.phone === undefined && before.phoneCipher
                  ? deps.pii.decrypt(before.phoneCipher)
                  : input.phone,
            },
            path: 'member',
          },
        ],
        today(deps),
      );
      if (before.active)
        await checkDuplicates(deps, tx, actor, [
          { hash: deps.pii.hash(p!.idNormalized), path: 'member', memberId },
        ]);
      Object.assign(values, {
        idCipher: deps.pii.encrypt(p!.idNormalized),
        idHash: deps.pii.hash(p!.idNormalized),
        idMasked: maskIdNumber(p!.idNormalized),
        birthDate: p!.birthDate,
        sex: p!.sex,
        disabilityCategory: p!.disability?.category ?? null,
        disabilityGrade: p!.disability?.grade ?? null,
        disabilityCertCipher: p!.disability ? deps.pii.encrypt(p!.disability.certificate) : null,
        phoneCipher: p!.phone ? deps.pii.encrypt(p!.phone) : null,
      });
    }
    if (input.relation === 'head' && before.relation !== 'head') {
      const others = await findMembers(tx, id, true);
      if (others.some((m) => m.relation === 'head' && m.id !== memberId))
        throw fieldError('relation', 'household.one_head', {
          zh: '该户已有户主',
          en: 'The household already has a head',
        });
    }
    const [after] = await tx
      .update(householdMembers)
      .set({ ...values, updatedAt: deps.now() })
      .where(eq(householdMembers.id, memberId))
      .returning();
    if (after!.relation === 'head')
      await tx
        .update(households)
        .set({ headName: after!.name, updatedAt: deps.now() })
        .where(eq(households.id, id));
    await refreshHousehold(tx, id, deps.now());
    await audit(tx, actor, {
      action: 'household.member_update',
      entity: 'household_member',
      entityId: memberId,
      before: auditMember(before),
      // Read back: the refresh has just re-derived the member's groups.
      after: auditMember(await loadMember(tx, id, memberId)),
    });
    await recordEvent(tx, actor, h, deps.now(), 'member.update', {
      zh: `修改成员 ${after!.name}：${Object.keys(input).map(memberFieldLabel).join('、')}`,
      en: `Member updated: ${Object.keys(input).join(', ')}`,
    });
  });
  return getHousehold(deps, actor, id);
}

/** A member leaves (moved, died…): marked inactive with the reason, never deleted. */
export async function memberLeaves(deps: Deps, actor: Actor, id: number, memberId: number, reason: string) {
  await deps.db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const h = await loadWritableHousehold(tx, actor, id);
    const before = await loadMember(tx, id, memberId);
    if (!before.active)
      throw new AppError('conflict', { zh: '该成员已不在户', en: 'The member has already left' });
    if (before.relation === 'head')
      throw new AppError('conflict', {
        zh: '户主不能直接移出，请先变更户主',
        en: 'Change the head before the head leaves',
      });
    const [after] = await tx
      .update(householdMembers)
      .set({ active: false, leftReason: reason, updatedAt: deps.now() })
      .where(eq(householdMembers.id, memberId))
      .returning();
    await refreshHousehold(tx, id, deps.now());
    await audit(tx, actor, {
      action: 'household.member_leave',
      entity: 'household_member',
      entityId: memberId,
      before: auditMember(before),
      after: auditMember(after!),
    });
    await recordEvent(tx, actor, h, deps.now(), 'member.leave', {
      zh: `成员 ${before.name} 移出：${reason}`,
      en: 'Member left the household',
    });
  });
  return getHousehold(deps, actor, id);
}

/** Shows one member's full ID number or phone to a role allowed to see it, and logs the view. */
export async function revealMemberPii(
  deps: Deps,
  actor: Actor,
  id: number,
  memberId: number,
  field: 'idNumber' | 'phone',
  purpose: string,
) {
  const h = await loadVisibleHousehold(deps.db, actor, id);
  if (!canRevealPii(actor) || !canWriteRegistry(actor, h.regionCode)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const m = await loadMember(tx, id, memberId);
    const cipher = field === 'idNumber' ? m.idCipher : m.phoneCipher;
    await logPiiAccess(tx, actor, {
      kind: 'view',
      entity: 'household_member',
      entityId: memberId,
      field,
      purpose,
    });
    return { value: cipher ? deps.pii.decrypt(cipher) : null };
  });
}
