import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import { auditLog } from '../../db/schema';
import type { Deps } from '../../deps';
import type { AuditQuery } from '../../../core/audit/audit.schemas';

/** Newest first, keyset-paged by id; dates are calendar days in China Standard Time. */
export async function listAudit(deps: Deps, actor: Actor, q: AuditQuery) {
  if (actor.role !== 'admin' && actor.role !== 'leader') throw new AppError('forbidden');
  const where: SQL[] = [];
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actor) where.push(eq(auditLog.actorUsername, q.actor));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) where.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999+08:00`)));
  if (q.before) where.push(lt(auditLog.id, q.before));
  const rows = await deps.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length === q.limit ? rows.at(-1)!.id : null,
  };
}
