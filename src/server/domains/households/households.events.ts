import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import type { LocalizedText } from '../../../core/identity/result';
import type { DbOrTx } from '../../db/client';
import { householdEvents } from '../../db/schema';

/** Adds one entry to a household's timeline (in the mutation's transaction; no personal data in it). */
export async function recordEvent(
  tx: DbOrTx,
  actor: Actor | null,
  household: { id: number; countyCode: string },
  at: Date,
  kind: string,
  summary: LocalizedText,
  data?: unknown,
): Promise<void> {
  await tx.insert(householdEvents).values({
    householdId: household.id,
    countyCode: household.countyCode,
    at,
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    kind,
    summary,
    data: data ?? null,
  });
}

/**
 * Adds many timeline entries of one kind, in their order (a bulk write: one per household-year), with one
 * statement per 5,000 entries that carries them as one JSON parameter.
 */
export async function recordEvents(
  tx: DbOrTx,
  actor: Actor | null,
  at: Date,
  kind: string,
  events: readonly { household: { id: number; countyCode: string }; summary: LocalizedText }[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 5000) {
    const page = events
      .slice(i, i + 5000)
      .map((e) => ({ id: e.household.id, county: e.household.countyCode, summary: e.summary }));
    await tx.execute(sql`
      insert into ${householdEvents} (household_id, county_code, at, actor_id, actor_username, kind, summary, data)
      select (e.x->>'id')::bigint, e.x->>'county', ${at.toISOString()}::timestamptz, ${actor?.id ?? null}::integer,
        ${actor?.username ?? null}, ${kind}, e.x->'summary', null
      from jsonb_array_elements(${JSON.stringify(page)}::jsonb) with ordinality as e(x, n)
      order by e.n`);
  }
}
