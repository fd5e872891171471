import type { Deps } from '../../deps';
import type { SessionInfo } from './auth.service';

/** How long a session checked against the database answers from memory for any request. */
export const SESSION_CACHE_TTL_MS = 10_000;
/** Entries kept at most; beyond it the oldest checks are dropped (re-read on their next request). */
const MAX_ENTRIES = 5_000;

interface Entry {
  info: SessionInfo;
  userId: number;
  /** sessions.last_seen_at as the database check left it (ms, the application's clock). */
  lastSeenAt: number;
  /** When the database was last asked (ms, the application's clock). */
  checkedAt: number;
}

/**
 * Sessions validated against the database, kept in memory so a request need not ask it again for a few
 * seconds. It exists for PGlite: there the one connection waits while a transaction is open (a ledger
 * import holds one for its whole run), and every request's session lookup waited with it — the import's
 * progress poll too. It is only used on PGlite, where one process owns the database (the data-folder
 * lock) so every session that ends, ends through `endSessions` in this process and is forgotten here at
 * once; on PostgreSQL other processes (servers, the CLI) end sessions too, and nothing waits, so each
 * request asks the database.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Moves on every forget: a lookup that began before a forget does not store what it read. */
  private epoch = 0;

  /** What a lookup notes before it asks the database, to hand back to `put`. */
  begin(): number {
    return this.epoch;
  }

  /** Keeps a session just checked against the database, unless a session ended since `epoch`. */
  put(epoch: number, entry: Entry): void {
    if (epoch !== this.epoch) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = [...this.entries].sort((a, b) => a[1].checkedAt - b[1].checkedAt);
      for (const [k] of oldest.slice(0, MAX_ENTRIES / 2)) this.entries.delete(k);
    }
    this.entries.set(entry.info.tokenHash, entry);
  }

  /**
   * The session of `tokenHash` if it was checked within `maxAgeMs` of `now` and is not idle for longer
   * than `idleMs`; a copy, as the caller adds the request id to its actor.
   */
  get(tokenHash: string, now: number, maxAgeMs: number, idleMs: number): SessionInfo | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    const age = now - e.checkedAt;
    // A clock set back (age < 0) proves nothing: ask the database.
    if (age < 0 || age > maxAgeMs || now - e.lastSeenAt > idleMs) return null;
    return { ...e.info, actor: { ...e.info.actor } };
  }

  /** Forgets sessions that are ending (call before the rows are deleted, in the deleting transaction). */
  forget(which: { tokenHash: string } | { userId: number }): void {
    this.epoch += 1;
    if ('tokenHash' in which) this.entries.delete(which.tokenHash);
    else for (const [k, e] of this.entries) if (e.userId === which.userId) this.entries.delete(k);
  }

  /** Forgets the sessions idle since before `cutoff` (ms). */
  forgetIdle(cutoff: number): void {
    this.epoch += 1;
    for (const [k, e] of this.entries) if (e.lastSeenAt < cutoff) this.entries.delete(k);
  }
}

const caches = new WeakMap<Deps['database'], SessionCache>();

/** The session cache of this database, on PGlite; null on PostgreSQL (see SessionCache). */
export function sessionCacheOf(deps: Pick<Deps, 'database'>): SessionCache | null {
  if (deps.database.kind !== 'pglite') return null;
  let cache = caches.get(deps.database);
  if (!cache) {
    cache = new SessionCache();
    caches.set(deps.database, cache);
  }
  return cache;
}
