import { sql } from 'drizzle-orm';
import type { Database } from './client';

/** The local hour at which `serve` vacuums an embedded database (the office is closed). */
export const NIGHTLY_VACUUM_HOUR = 3;

/** Milliseconds from `now` to the next `hour`:00 in the server's local time (tomorrow if it has passed). */
export function msUntilNextHour(now: Date, hour: number): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * VACUUM (ANALYZE) of the whole embedded database: PGlite runs PostgreSQL in single-user mode, without
 * the autovacuum that removes the dead rows every update leaves (a re-evaluation rewrites every changed
 * household-year, each request touches its session), so tables and indexes would only grow and scans
 * slow down. Other queries wait while it runs. Nothing on PostgreSQL: the server's autovacuum does it.
 */
export async function vacuumEmbedded(database: Database): Promise<{ ms: number } | null> {
  if (database.kind !== 'pglite') return null;
  const t0 = performance.now();
  await database.db.execute(sql`vacuum (analyze)`);
  return { ms: Math.round(performance.now() - t0) };
}

/**
 * Vacuums an embedded database every night at NIGHTLY_VACUUM_HOUR (nothing on PostgreSQL); returns the
 * function that stops it. A failure is reported and the next night tries again.
 */
export function scheduleNightlyVacuum(
  database: Database,
  log: (message: string) => void,
  now: () => Date = () => new Date(),
): () => void {
  if (database.kind !== 'pglite') return () => {};
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        void vacuumEmbedded(database)
          .then((r) => log(`数据库整理完成 nightly VACUUM done in ${r?.ms ?? 0} ms`))
          .catch((e: Error) => log(`数据库整理失败 nightly VACUUM failed: ${e.message}`))
          .finally(arm);
      },
      msUntilNextHour(now(), NIGHTLY_VACUUM_HOUR),
    );
    timer.unref();
  };
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
