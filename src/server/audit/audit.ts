import type { Actor } from '../../core/accounts/scope';
import type { DbOrTx } from '../db/client';
import { auditLog, piiAccessLog } from '../db/schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number | null;
  /** Presented (masked) state before and after: never raw personal data. */
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row; call it with the mutation's own transaction so both commit or neither. */
export async function audit(tx: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor?.requestId ?? null,
  });
}

/** Records an unmasked view or export of personal data (who, what, how many, why). */
export async function logPiiAccess(
  tx: DbOrTx,
  actor: Actor,
  entry: {
    kind: 'view' | 'export';
    entity: string;
    entityId?: string | number | null;
    field: string;
    count?: number;
    purpose?: string;
  },
): Promise<void> {
  await tx.insert(piiAccessLog).values({
    actorId: actor.id,
    actorUsername: actor.username,
    kind: entry.kind,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    field: entry.field,
    count: entry.count ?? 1,
    purpose: entry.purpose ?? null,
    requestId: actor.requestId ?? null,
  });
}
