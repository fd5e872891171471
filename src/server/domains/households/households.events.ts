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
