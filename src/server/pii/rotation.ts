import { asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/accounts/scope';
import { audit } from '../audit/audit';
import type { Db, DbOrTx } from '../db/client';
import { appMeta } from '../db/schema';
import type { Deps } from '../deps';
import { PII_TABLES, type PiiTable } from './columns';
import { createPii, legacyHashKeyId, type Pii, type PiiKeyRing } from './pii';

/** app_meta key recording which key of the ring the keyed hashes in the database are made with. */
export const HASH_KEY_META = 'pii.hash_key';

const PAGE = 1000;

/**
 * Which key the database's keyed hashes are under. A database that has not recorded it yet (created
 * before rotation re-hashed) used the oldest key of the ring: that is recorded now, once.
 */
export async function resolveHashKeyId(db: Db, ring: PiiKeyRing): Promise<string> {
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, HASH_KEY_META));
  const recorded = (row?.value as { keyId?: unknown } | undefined)?.keyId;
  if (typeof recorded === 'string') return recorded;
  const keyId = legacyHashKeyId(ring);
  await db
    .insert(appMeta)
    .values({ key: HASH_KEY_META, value: { keyId } })
    .onConflictDoNothing({ target: appMeta.key });
  return keyId;
}

export interface RotationResult {
  /** Ciphertexts re-encrypted with the current key. */
  values: number;
  /** Keyed hashes recomputed with the current key. */
  hashes: number;
  /** The personal-data module to use from now on (current key for both encryption and hashes). */
  pii: Pii;
}

/**
 * `bangfu keys rotate`: re-encrypts every personal-data ciphertext (every column listed in
 * `PII_TABLES`) with the ring's current key and recomputes every keyed hash with it, then records the
 * current key as the hash key, all in ONE transaction: the hashes and the key they are under change
 * together or not at all, so lookups and the duplicate rule never see a mix. An interrupted run rolls
 * back and is simply run again. Afterwards no older key is needed (the ring may drop them once no
 * backup made before the rotation needs restoring). Run it with the server stopped.
 */
export async function rotatePii(
  deps: Deps,
  actor: Actor,
  ring: PiiKeyRing,
  onProgress?: (done: number) => void,
): Promise<RotationResult> {
  const next = createPii(ring, ring.current.id);
  const prefix = `v1.${next.keyId}.`;
  let values = 0;
  let hashes = 0;
  let rows = 0;
  await deps.db.transaction(async (tx) => {
    for (const target of PII_TABLES) {
      const counts = await rotateTable(tx, target, next, prefix, () => {
        rows += 1;
        if (rows % PAGE === 0) onProgress?.(rows);
      });
      values += counts.values;
      hashes += counts.hashes;
    }
    await tx
      .insert(appMeta)
      .values({ key: HASH_KEY_META, value: { keyId: next.hashKeyId } })
      .onConflictDoUpdate({
        target: appMeta.key,
        set: { value: { keyId: next.hashKeyId }, updatedAt: deps.now() },
      });
    await audit(tx, actor, {
      action: 'pii.rotate',
      entity: 'system',
      entityId: null,
      after: { keyId: next.keyId, values, hashes, tables: PII_TABLES.map((t) => t.name) },
    });
  });
  onProgress?.(rows);
  return { values, hashes, pii: next };
}

async function rotateTable(
  db: DbOrTx,
  target: PiiTable,
  next: Pii,
  prefix: string,
  onRow: () => void,
): Promise<{ values: number; hashes: number }> {
  // Every column the row needs, once (a hash's source is usually one of the ciphers).
  const columns: PgColumn[] = [...target.ciphers];
  for (const h of target.hashes) {
    if (!columns.includes(h.column)) columns.push(h.column);
    if (!columns.includes(h.from)) columns.push(h.from);
  }
  const select = Object.fromEntries(columns.map((c, i) => [`c${i}`, c]));
  const changedColumns = [...target.ciphers, ...target.hashes.map((h) => h.column)];
  let after = 0;
  let values = 0;
  let hashes = 0;
  for (;;) {
    const page = (await db
      .select({ id: target.id, ...select })
      .from(target.table)
      .where(gt(target.id, after))
      .orderBy(asc(target.id))
      .limit(PAGE)) as unknown as ({ id: number } & Record<string, string | null>)[];
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const updates: SQL[] = [];
    for (const row of page) {
      onRow();
      const value = (c: PgColumn) => row[`c${columns.indexOf(c)}`] ?? null;
      let any = false;
      const out: (string | null)[] = [];
      for (const c of target.ciphers) {
        const v = value(c);
        if (!v || v.startsWith(prefix)) out.push(null);
        else {
          out.push(next.encrypt(next.decrypt(v)));
          values += 1;
          any = true;
        }
      }
      for (const h of target.hashes) {
        const source = value(h.from);
        const old = value(h.column);
        if (!source) {
          if (old)
            throw new Error(
              `${target.name} row ${row.id}: ${h.column.name} is set but ${h.from.name} is empty, so the hash cannot be recomputed; nothing was changed`,
            );
          out.push(null);
          continue;
        }
        const fresh = next.hash(next.decrypt(source));
        if (fresh === old) out.push(null);
        else {
          out.push(fresh);
          hashes += 1;
          any = true;
        }
      }
      if (any)
        updates.push(
          sql`(${row.id}::bigint, ${sql.join(
            out.map((n) => sql`${n}::text`),
            sql`, `,
          )})`,
        );
    }
    if (updates.length > 0) {
      const names = changedColumns.map((c) => sql.identifier(c.name));
      await db.execute(sql`
        update ${target.table} as t set ${sql.join(
          changedColumns.map(
            (c) =>
              sql`${sql.identifier(c.name)} = coalesce(v.${sql.identifier(c.name)}, t.${sql.identifier(c.name)})`,
          ),
          sql`, `,
        )}
        from (values ${sql.join(updates, sql`, `)}) as v(id, ${sql.join(names, sql`, `)})
        where t.id = v.id`);
    }
  }
  return { values, hashes };
}
