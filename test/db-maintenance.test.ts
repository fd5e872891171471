// The nightly VACUUM of an embedded database (PGlite has no autovacuum); nothing on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/server/db/client';
import {
  msUntilNextHour,
  NIGHTLY_VACUUM_HOUR,
  scheduleNightlyVacuum,
  vacuumEmbedded,
} from '../src/server/db/maintenance';
import { createTestDatabase } from './helpers/test-db';

let database: Database;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  vi.useRealTimers();
  await database.close();
});

// Pages of the table marked all-visible (pg_class, transactional): only VACUUM marks them, and a page
// holding a dead row version never is.
const visiblePages = async () =>
  (
    (await database.db.execute(
      sql`select relpages, relallvisible from pg_class where oid = 'maintenance_probe'::regclass`,
    )) as unknown as { rows: { relpages: number; relallvisible: number }[] }
  ).rows[0]!;

describe('nightly VACUUM', () => {
  it('waits until the next 03:00 local time', () => {
    const local = (h: number, m = 0) => new Date(2026, 10, 30, h, m);
    expect(NIGHTLY_VACUUM_HOUR).toBe(3);
    expect(msUntilNextHour(local(2, 59), 3)).toBe(60_000);
    expect(msUntilNextHour(local(3, 0), 3)).toBe(24 * 3_600_000);
    expect(msUntilNextHour(local(23, 0), 3)).toBe(4 * 3_600_000);
    // Across a month's end.
    expect(msUntilNextHour(new Date(2026, 10, 30, 12, 0), 3)).toBe(15 * 3_600_000);
  });

  it('removes the dead rows updates leave on PGlite; does nothing on PostgreSQL', async () => {
    await database.db.execute(sql`create table maintenance_probe (id int primary key, v int)`);
    await database.db.execute(sql`insert into maintenance_probe select g, 0 from generate_series(1, 2000) g`);
    await database.db.execute(sql`update maintenance_probe set v = v + 1`);
    const result = await vacuumEmbedded(database);
    if (database.kind === 'postgres') {
      expect(result).toBeNull();
      return;
    }
    expect(result!.ms).toBeGreaterThanOrEqual(0);
    const after = await visiblePages();
    expect(after.relpages).toBeGreaterThan(0);
    expect(after.relallvisible).toBe(after.relpages);
    // An update leaves a dead version of every row: no page is all-visible until the next vacuum.
    await database.db.execute(sql`update maintenance_probe set v = v + 1`);
    await database.db.execute(sql`analyze maintenance_probe`);
    expect((await visiblePages()).relallvisible).toBe(0);
  });

  it('runs at the hour, reports, and runs again the next night until stopped', async () => {
    if (database.kind !== 'pglite') return;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date(2026, 10, 30, 2, 0));
    const messages: string[] = [];
    const stop = scheduleNightlyVacuum(database, (m) => messages.push(m));
    await vi.advanceTimersByTimeAsync(59 * 60_000);
    expect(messages).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toMatch(/nightly VACUUM done/);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    await vi.waitFor(() => expect(messages).toHaveLength(2));
    stop();
    await vi.advanceTimersByTimeAsync(48 * 3_600_000);
    expect(messages).toHaveLength(2);
  });
});
