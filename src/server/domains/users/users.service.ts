import { eq } from 'drizzle-orm';
import type { UserCreate, UserUpdate } from '../../../core/accounts/accounts.schemas';
import { checkPassword } from '../../../core/accounts/password-policy';
import { REGION_SCOPED_ROLES, type Role } from '../../../core/accounts/roles';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { regions, units, users } from '../../db/schema';
import type { Deps } from '../../deps';
import { endSessions } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { canListUsers, canManageUser, canSeeUser, userListScope } from './users.policy';
import { auditUser, presentMe, presentUser } from './users.presenter';
import { findUserById, findUserByUsername, listUsers as listUserRows } from './users.repository';

export async function getMe(deps: Deps, actor: Actor, csrfToken: string) {
  const row = await findUserById(deps.db, actor.id);
  if (!row) throw new AppError('auth.required');
  return presentMe(row, csrfToken, deps.config.sessionIdleMinutes);
}

/** Checks that the role's scope fields are present and point at the right kind of record. */
async function checkAssignment(
  db: DbOrTx,
  role: Role,
  regionCode: string | null | undefined,
  unitId: number | null | undefined,
): Promise<{ regionCode: string | null; unitId: number | null }> {
  const level = REGION_SCOPED_ROLES[role];
  if (level) {
    if (!regionCode) {
      throw fieldError('regionCode', 'required', {
        zh: '镇(街)和村(社区)用户必须指定所属区域',
        en: 'Town and village users need a region',
      });
    }
    const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
    if (!region || region.tree !== 'district' || region.level !== level) {
      throw fieldError('regionCode', 'region.wrong_level', {
        zh: level === 'town' ? '所属区域必须是本区的镇(街)' : '所属区域必须是本区的村(社区)',
        en: `The region must be a ${level} of the district`,
      });
    }
  } else if (regionCode) {
    throw fieldError('regionCode', 'not_applicable', {
      zh: '该角色不按区域限定',
      en: 'This role has no region scope',
    });
  }
  if (role === 'unit' && !unitId) {
    throw fieldError('unitId', 'required', { zh: '成员单位用户必须指定单位', en: 'Unit users need a unit' });
  }
  if (unitId) {
    const [unit] = await db
      .select({ id: units.id, active: units.active })
      .from(units)
      .where(eq(units.id, unitId));
    if (!unit || !unit.active)
      throw fieldError('unitId', 'unit.not_found', { zh: '单位不存在或已停用', en: 'No such active unit' });
  }
  return { regionCode: regionCode ?? null, unitId: unitId ?? null };
}

export async function listUsers(
  deps: Deps,
  actor: Actor,
  query: { q?: string | undefined; role?: string | undefined; after?: number | undefined; limit: number },
) {
  if (!canListUsers(actor)) throw new AppError('forbidden');
  const rows = await listUserRows(deps.db, { ...query, regionScope: userListScope(actor) });
  const now = deps.now();
  return {
    items: rows.map((r) => presentUser(r, now)),
    nextAfter: rows.length === query.limit ? rows.at(-1)!.id : null,
  };
}

async function loadVisibleUser(deps: Deps, db: DbOrTx, actor: Actor, id: number) {
  const row = await findUserById(db, id);
  // Out of scope looks exactly like absent: a town cannot probe which users exist elsewhere.
  if (!row || !canSeeUser(actor, row) || (!canListUsers(actor) && row.id !== actor.id))
    throw new AppError('not_found');
  return row;
}

export async function getUser(deps: Deps, actor: Actor, id: number) {
  return presentUser(await loadVisibleUser(deps, deps.db, actor, id), deps.now());
}

export async function createUser(deps: Deps, actor: Actor, input: UserCreate) {
  if (!canManageUser(actor, { role: input.role, regionCode: input.regionCode }))
    throw new AppError('forbidden');
  const passwordHash = await hashPassword(input.password);
  const id = await deps.db.transaction(async (tx) => {
    const assignment = await checkAssignment(tx, input.role, input.regionCode, input.unitId);
    if (await findUserByUsername(tx, input.username)) {
      throw new AppError('conflict', { zh: '用户名已存在', en: 'The username is taken' }, [
        {
          path: 'username',
          code: 'user.username_taken',
          message: { zh: '用户名已存在', en: 'The username is taken' },
        },
      ]);
    }
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        ...assignment,
      })
      .returning();
    await audit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: created!.id,
      after: auditUser(created!),
    });
    return created!.id;
  });
  return getUser(deps, actor, id);
}

export async function updateUser(deps: Deps, actor: Actor, id: number, input: UserUpdate) {
  await deps.db.transaction(async (tx) => {
    const before = await loadVisibleUser(deps, tx, actor, id);
    if (!canManageUser(actor, { role: before.role as Role, regionCode: before.regionCode }))
      throw new AppError('forbidden');
    const role = input.role ?? (before.role as Role);
    const regionCode = input.regionCode !== undefined ? input.regionCode : before.regionCode;
    const unitId = input.unitId !== undefined ? input.unitId : before.unitId;
    if (!canManageUser(actor, { role, regionCode })) throw new AppError('forbidden');
    if (id === actor.id && (input.disabled || (input.role && input.role !== before.role))) {
      throw new AppError('conflict', {
        zh: '不能停用自己或修改自己的角色',
        en: 'You cannot disable yourself or change your own role',
      });
    }
    const assignment = await checkAssignment(tx, role, regionCode, unitId);
    const [after] = await tx
      .update(users)
      .set({
        displayName: input.displayName ?? before.displayName,
        role,
        ...assignment,
        disabled: input.disabled ?? before.disabled,
        updatedAt: deps.now(),
      })
      .where(eq(users.id, id))
      .returning();
    // A changed scope or a disabled account must not keep old sessions alive.
    if (
      after!.disabled ||
      after!.role !== before.role ||
      after!.regionCode !== before.regionCode ||
      after!.unitId !== before.unitId
    ) {
      await endSessions(deps, tx, { userId: id });
    }
    await audit(tx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: auditUser(before),
      after: auditUser(after!),
    });
  });
  return getUser(deps, actor, id);
}

/** Sets a new password for another user (the office, or a town for its village cadres); ends their sessions and unlocks. */
export async function resetPassword(deps: Deps, actor: Actor, id: number, password: string) {
  const target = await loadVisibleUser(deps, deps.db, actor, id);
  if (!canManageUser(actor, { role: target.role as Role, regionCode: target.regionCode }))
    throw new AppError('forbidden');
  const problem = checkPassword(password, target.username);
  if (problem) throw fieldError('password', 'password.policy', problem);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        failedLogins: 0,
        lockedUntil: null,
        passwordChangedAt: deps.now(),
        updatedAt: deps.now(),
      })
      .where(eq(users.id, id));
    await endSessions(deps, tx, { userId: id });
    await audit(tx, actor, { action: 'user.reset_password', entity: 'user', entityId: id });
  });
}

/** Lifts a lockout early (the office, after checking who is calling). */
export async function unlockUser(deps: Deps, actor: Actor, id: number) {
  const target = await loadVisibleUser(deps, deps.db, actor, id);
  if (!canManageUser(actor, { role: target.role as Role, regionCode: target.regionCode }))
    throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    await audit(tx, actor, {
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      before: { locked: !!target.lockedUntil },
    });
  });
  return getUser(deps, actor, id);
}
