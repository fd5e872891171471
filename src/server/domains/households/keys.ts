import { and, asc, gt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { audit } from '../../audit/audit';
import { householdMembers, households } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Pii } from '../../pii/pii';

/** Every encrypted column of the households domain. */
const TARGETS = [
  { table: households, id: households.id, columns: ['phone_cipher', 'bank_account_cipher'] },
  {
    table: householdMembers,
    id: householdMembers.id,
    columns: ['id_cipher', 'disability_cert_cipher', 'phone_cipher'],
  },
] as const;

/**
 * Re-encrypts personal data with the ring's current key (`bangfu keys rotate`). The keyed hashes do
 * not change (the hash key comes from the oldest key), so uniqueness and search keep working. Pages of
 * 1,000 rows, each its own transaction, skipping values already under the new key: an interrupted run
 * is simply run again.
 */
export async function reencryptPii(
  deps: Deps,
  actor: Actor,
  pii: Pii,
  onProgress?: (done: number) => void,
): Promise<{ values: number }> {
  const prefix = `v1.${pii.keyId}.`;
  let values = 0;
  for (const target of TARGETS) {
    let after = 0;
    for (;;) {
      const rows = (await deps.db
        .select({
          id: target.id,
          ...Object.fromEntries(target.columns.map((c) => [c, sql<string | null>`${sql.identifier(c)}`])),
        })
        .from(target.table)
        .where(and(gt(target.id, after)))
        .orderBy(asc(target.id))
        .limit(1000)) as unknown as ({ id: number } & Record<string, string | null>)[];
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      const changed: SQL[] = [];
      for (const row of rows) {
        let any = false;
        const next = target.columns.map((c) => {
          const v = row[c];
          if (!v || v.startsWith(prefix)) return null;
          any = true;
          values += 1;
          return pii.encrypt(pii.decrypt(v));
        });
        if (any)
          changed.push(
            sql`(${row.id}::bigint, ${sql.join(
              next.map((n) => sql`${n}::text`),
              sql`, `,
            )})`,
          );
      }
      if (changed.length > 0) {
        const cols = target.columns.map((c) => sql.identifier(c));
        await deps.db.execute(sql`
          update ${target.table} as t set ${sql.join(
            target.columns.map(
              (c) => sql`${sql.identifier(c)} = coalesce(v.${sql.identifier(c)}, t.${sql.identifier(c)})`,
            ),
            sql`, `,
          )}
          from (values ${sql.join(changed, sql`, `)}) as v(id, ${sql.join(cols, sql`, `)})
          where t.id = v.id`);
      }
      onProgress?.(values);
    }
  }
  await audit(deps.db, actor, {
    action: 'pii.rotate',
    entity: 'system',
    entityId: null,
    after: { keyId: pii.keyId, values },
  });
  return { values };
}
