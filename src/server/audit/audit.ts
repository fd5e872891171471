import { sql } from 'drizzle-orm';
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

/**
 * Writes one audit row per entry, in their order (a bulk write's per-record entries: the same rows as
 * `audit` once per entry), with one statement per 5,000 entries that carries them as one JSON parameter.
 * Call it with the mutation's own transaction.
 */
export async function auditMany(
  tx: DbOrTx,
  actor: Actor | null,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000) {
    const page = entries.slice(i, i + 5000).map((e) => ({
      action: e.action,
      entity: e.entity,
      entityId: e.entityId === null ? null : String(e.entityId),
      before: e.before ?? null,
      after: e.after ?? null,
    }));
    // A JSON null becomes SQL NULL, as `audit` writes it; ids are drawn in the entries' order.
    await tx.execute(sql`
      insert into ${auditLog} (actor_id, actor_username, action, entity, entity_id, before, after, request_id)
      select ${actor?.id ?? null}::integer, ${actor?.username ?? null}, e.x->>'action', e.x->>'entity',
        e.x->>'entityId', nullif(e.x->'before', 'null'::jsonb), nullif(e.x->'after', 'null'::jsonb),
        ${actor?.requestId ?? null}
      from jsonb_array_elements(${JSON.stringify(page)}::jsonb) with ordinality as e(x, n)
      order by e.n`);
  }
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
