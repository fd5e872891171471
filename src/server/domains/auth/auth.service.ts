import crypto from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import type { Role } from '../../../core/accounts/roles';
import { AppError } from '../../../core/errors/errors';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { sessions, users } from '../../db/schema';
import type { Deps } from '../../deps';
import { hashPassword, timingDummyHash, verifyPassword } from './passwords';
import { SESSION_CACHE_TTL_MS, sessionCacheOf } from './session-cache';

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
}

/**
 * Logs a user in. Wrong password and unknown user answer the same; after `lockoutThreshold`
 * consecutive failures the account is locked for `lockoutMinutes` (even the right password is refused).
 */
export async function login(
  deps: Deps,
  input: { username: string; password: string; userAgent?: string | undefined; requestId?: string },
): Promise<{ token: string; session: SessionInfo }> {
  const { db, config } = deps;
  const now = deps.now();
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (!user || user.disabled) {
    await verifyPassword(await timingDummyHash(), input.password);
    throw new AppError('auth.invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError('auth.locked');

  const ok = await verifyPassword(user.passwordHash, input.password);
  const systemActor = {
    id: user.id,
    username: user.username,
    role: user.role as Role,
    regionCode: null,
    unitId: null,
    requestId: input.requestId,
  };
  if (!ok) {
    await db.transaction(async (tx) => {
      // A lock that has run out starts a fresh count.
      const previous = user.lockedUntil && user.lockedUntil <= now ? 0 : user.failedLogins;
      const failed = previous + 1;
      const lock = failed >= config.lockoutThreshold;
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(now.getTime() + config.lockoutMinutes * 60_000) : null,
        })
        .where(eq(users.id, user.id));
      await audit(tx, systemActor, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        after: { failedLogins: failed },
      });
    });
    throw new AppError('auth.invalid_credentials');
  }

  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const tokenHash = sha256(token);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      tokenHash,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await audit(tx, systemActor, { action: 'auth.login', entity: 'user', entityId: user.id });
  });
  return {
    token,
    session: {
      actor: {
        id: user.id,
        username: user.username,
        role: user.role as Role,
        regionCode: user.regionCode,
        unitId: user.unitId,
      },
      csrfToken,
      tokenHash,
    },
  };
}

/**
 * Resolves a session cookie to its actor, enforcing idle expiry. Touches last_seen_at at most once a
 * minute so reads stay cheap. On PGlite a session checked against the database within
 * SESSION_CACHE_TTL_MS answers from memory (see SessionCache); `maxCacheAgeMs` lets a route accept an
 * older check (the import polls), still refused at once once the session ends and after idle expiry.
 */
export async function resolveSession(
  deps: Deps,
  token: string,
  opts: { maxCacheAgeMs?: number } = {},
): Promise<SessionInfo | 'expired' | null> {
  const tokenHash = sha256(token);
  const now = deps.now();
  const idleMs = deps.config.sessionIdleMinutes * 60_000;
  const cache = sessionCacheOf(deps);
  const cached = cache?.get(tokenHash, now.getTime(), opts.maxCacheAgeMs ?? SESSION_CACHE_TTL_MS, idleMs);
  if (cached) return cached;
  const epoch = cache?.begin() ?? 0;
  const [row] = await deps.db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      role: users.role,
      regionCode: users.regionCode,
      unitId: users.unitId,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row || row.disabled) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > idleMs) {
    await endSessions(deps, deps.db, { tokenHash });
    return 'expired';
  }
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    lastSeenAt = now;
  }
  const info: SessionInfo = {
    actor: {
      id: row.id,
      username: row.username,
      role: row.role as Role,
      regionCode: row.regionCode,
      unitId: row.unitId,
    },
    csrfToken: row.csrfToken,
    tokenHash,
  };
  cache?.put(epoch, {
    info: { ...info, actor: { ...info.actor } },
    userId: row.id,
    lastSeenAt: lastSeenAt.getTime(),
    checkedAt: now.getTime(),
  });
  return info;
}

/**
 * Ends sessions: one (logout, idle expiry) or a user's (all, or all but the current one). Every path that
 * ends a session comes here (a test checks that no other code deletes sessions or users), so the
 * in-memory session cache forgets them at once. Call it inside the transaction that ends them (or alone on
 * deps.db): on PGlite queries run one at a time in order and a transaction holds the one connection, so
 * a lookup that starts after the forget reads the database after the deletion, and one that began
 * before it does not keep what it read.
 */
export async function endSessions(
  deps: Deps,
  q: DbOrTx,
  which: { tokenHash: string } | { userId: number; except?: string },
): Promise<number> {
  const cache = sessionCacheOf(deps);
  if ('tokenHash' in which) {
    cache?.forget({ tokenHash: which.tokenHash });
    const removed = await q
      .delete(sessions)
      .where(eq(sessions.tokenHash, which.tokenHash))
      .returning({ t: sessions.tokenHash });
    return removed.length;
  }
  cache?.forget({ userId: which.userId });
  const removed = await q
    .delete(sessions)
    .where(
      which.except
        ? and(eq(sessions.userId, which.userId), ne(sessions.tokenHash, which.except))
        : eq(sessions.userId, which.userId),
    )
    .returning({ t: sessions.tokenHash });
  return removed.length;
}

export async function logout(deps: Deps, actor: Actor, tokenHash: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endSessions(deps, tx, { tokenHash });
    await audit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.id });
  });
}

/** 退出所有设备: ends every session of the user, this one included. */
export async function logoutEverywhere(deps: Deps, actor: Actor): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const removed = await endSessions(deps, tx, { userId: actor.id });
    await audit(tx, actor, {
      action: 'auth.logout_all',
      entity: 'user',
      entityId: actor.id,
      after: { sessions: removed },
    });
    return removed;
  });
}

/** Deletes sessions idle for longer than the expiry (housekeeping; expiry itself is checked per request). */
export async function purgeIdleSessions(deps: Deps): Promise<void> {
  const cutoff = new Date(deps.now().getTime() - deps.config.sessionIdleMinutes * 60_000);
  // Idle sessions are never answered from memory (the cache checks idleness too); forgotten all the same.
  sessionCacheOf(deps)?.forgetIdle(cutoff.getTime());
  await deps.db.delete(sessions).where(lt(sessions.lastSeenAt, cutoff));
}

/** Changes one's own password after checking the current one; ends the user's other sessions. */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  currentTokenHash: string,
  input: { currentPassword: string; newPassword: string },
  policy: (pw: string, username: string) => { zh: string; en: string } | null,
): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new AppError('not_found');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation', undefined, [
      {
        path: 'currentPassword',
        code: 'auth.wrong_password',
        message: { zh: '当前密码不正确', en: 'The current password is wrong' },
      },
    ]);
  }
  const problem = policy(input.newPassword, user.username);
  if (problem)
    throw new AppError('validation', undefined, [
      { path: 'newPassword', code: 'password.policy', message: problem },
    ]);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: deps.now(), updatedAt: deps.now() })
      .where(eq(users.id, actor.id));
    await endSessions(deps, tx, { userId: actor.id, except: currentTokenHash });
    await audit(tx, actor, { action: 'user.password_changed', entity: 'user', entityId: actor.id });
  });
}
