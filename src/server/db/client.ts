import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** One type for both drivers: services never know which database they run on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance, for COPY and dumps; undefined on PostgreSQL. */
  pglite?: PGlite;
  /** The pg pool, for COPY streams; undefined on PGlite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../migrations');

/**
 * PGlite's own page cache. Its default (PostgreSQL's 128 MB) is allocated in the WebAssembly heap at
 * start and never given back; on Node, PGlite reads its data folder through the operating system's
 * file cache, so a page missing from these buffers costs a copy from memory, not a disk read. 32 MB
 * took the resident size of an opened data folder from ~318 to ~215 MB (see docs/decisions/0009).
 * Passed as a start parameter: PGlite's `postgresqlconf` option would overwrite postgresql.conf whole.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (or memory). */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A PGlite data-dir dump to start from (tests reuse one migrated image). */
  loadDataDir?: Blob | File | undefined;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection that the server drops (restart, failover, admin termination) emits 'error'
    // on the pool; unhandled, that would crash the process. The pool replaces the connection itself.
    pool.on('error', (err: Error & { code?: string }) => {
      console.error(
        `数据库连接中断 database connection lost (${err.code ?? err.name}); the pool will reconnect`,
      );
    });
    // Fail fast with a clear message instead of on the first request.
    await pool.query('select 1');
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : { loadDataDir: opts.loadDataDir }),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Applies the committed SQL migrations (forward-only). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

/** One value of a bulk-written row: null is SQL NULL; booleans and numbers are written as text. */
export type CopyValue = string | number | boolean | null;

/** A CSV field for COPY … (format csv): unquoted empty is NULL, so an empty string is quoted. */
function csvField(v: CopyValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  // Quote empties and anything with a quote, comma, line break or backslash ("\." ends CSV data).
  return s === '' || /[",\r\n\\]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const columnTypes = new Map<string, Map<string, string>>();

/**
 * Refreshes the planner's statistics of tables a bulk write has just filled. PGlite runs PostgreSQL in
 * single-user mode, without autovacuum: after a ledger import the planner still believed the tables
 * empty (a deep-difficulty group filter sorted 26,000 matches instead of walking the list order: 63 ms
 * p50 at 100k households, 1 ms after). A server's autovacuum analyses a table only after its naptime
 * (a minute by default), and not at all where it is off: the same filter right after a 100k import on
 * PostgreSQL had p50 41 ms, p95 82 ms. ~1.8 s for the three household tables at 100k on PGlite. A
 * table may name its columns (`household_members (household_id, active, id_hash)`): only those are
 * analysed.
 */
export async function analyzeAfterBulkWrite(database: Database, tables?: readonly string[]): Promise<void> {
  if (tables?.length === 0) return;
  // Table names from the code, never from input; none: every table (after the demo load).
  await database.db.execute(sql.raw(tables ? `analyze ${tables.join(', ')}` : 'analyze'));
}

/**
 * Bulk-writes `rows` (values in the order of `columns`) into `table` inside the transaction `tx`, on the
 * transaction's own connection: COPY … FROM a CSV blob on PGlite; on PostgreSQL one
 * INSERT … SELECT FROM unnest(one text[] per column), cast to each column's type (as fast as COPY at
 * these batch sizes, without a COPY-stream dependency). Constraints and defaults apply as for INSERT.
 */
export async function copyRows(
  kind: Database['kind'],
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  // drizzle keeps the transaction's connection on its session (PGlite Transaction or pg PoolClient).
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (kind === 'pglite') {
    const parts: string[] = [];
    for (const r of rows) parts.push(r.map(csvField).join(','));
    const blob = new Blob([parts.join('\n')]);
    await (client as PGlite).query(
      `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`,
      [],
      {
        blob,
      },
    );
    return;
  }
  const pgClient = client as pg.PoolClient;
  let types = columnTypes.get(table);
  if (!types) {
    const res = await pgClient.query<{ name: string; type: string }>(
      `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
       where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
      [table],
    );
    types = new Map(res.rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  const arrays = columns.map((_, i) =>
    rows.map((r) => {
      const v = r[i] ?? null;
      return v === null ? null : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
    }),
  );
  const select = columns.map((c, i) => `u.c${i}::${types.get(c) ?? 'text'}`).join(', ');
  const from = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const names = columns.map((_, i) => `c${i}`).join(', ');
  await pgClient.query(
    `insert into ${table} (${columns.join(', ')}) select ${select} from unnest(${from}) as u(${names})`,
    arrays,
  );
}

/**
 * `copyRows` for rows shaped as for drizzle's insert (`table.$inferInsert`): each value goes through its
 * column's own driver mapping (JSON, timestamps, numerics), as drizzle's insert would send it, so a bulk
 * writer keeps the services' row builders and writes the same values. Every row must give the same columns
 * (an undefined value counts as not given); the columns not given take their defaults.
 */
export async function copyInsert<T extends PgTable>(
  kind: Database['kind'],
  tx: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableName(table);
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const given = (r: object) =>
    Object.entries(r)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
  const keys = given(rows[0]!);
  for (const k of keys) if (!columns[k]) throw new Error(`copyInsert: ${name} has no column ${k}`);
  const values = rows.map((r) => {
    const row = r as Record<string, unknown>;
    if (given(row).length !== keys.length || keys.some((k) => row[k] === undefined))
      throw new Error(`copyInsert: every row of ${name} must give the same columns`);
    return keys.map((k) => {
      const v = row[k];
      return v === null ? null : (columns[k]!.mapToDriverValue(v) as CopyValue);
    });
  });
  await copyRows(
    kind,
    tx,
    name,
    keys.map((k) => columns[k]!.name),
    values,
  );
}
