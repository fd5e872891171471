import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client';

/** Which database the service and HTTP tests run on: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

let migratedImage: Blob | undefined;

/** The migrated PGlite image test/helpers/global-setup.ts made once for the whole run. */
function pgliteImage(): Blob {
  migratedImage ??= new Blob([fs.readFileSync(inject('pgliteImagePath'))]);
  return migratedImage;
}

/**
 * Starting a PGlite from the image costs ~2 s (it unpacks some thousand files into its in-memory file
 * system); emptying one costs a few milliseconds. So a closed test database goes back to this file's
 * pool, reset to the freshly migrated state, and the next test takes it: the tables a test wrote to
 * truncated, every sequence it drew from restarted, the session reset (DISCARD ALL). An instance whose
 * catalog (relations, columns, constraints, functions, sequence positions, planner statistics, roles,
 * migrations journal) then differs from the freshly migrated one is closed instead, so no test sees
 * what an earlier one left behind.
 */
const idle: Database[] = [];
let whichTablesHaveRows: string | undefined;

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
let migratedFingerprint: string | undefined;

const userSchemas = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
  and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'`;

async function fingerprint(database: Database): Promise<string> {
  const { rows } = await database.pglite!.query<{ f: string }>(
    `select md5(concat_ws('|',
       (select string_agg(concat_ws(':', n.nspname, c.relname, c.relkind::text, c.relnatts, c.relchecks,
                 c.relhastriggers, c.relhasrules), ',' order by n.nspname, c.relname)
          from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${userSchemas}),
       (select string_agg(schemaname || '.' || sequencename || ':' || coalesce(last_value::text, '-'), ','
                 order by schemaname, sequencename) from pg_sequences),
       (select count(*) from pg_constraint),
       (select count(*) from pg_attribute),
       (select count(*) from pg_attrdef),
       (select count(*) from pg_statistic),
       (select count(*) from pg_proc),
       (select count(*) from pg_roles), (select count(*) from pg_database),
       (select count(*) from drizzle.__drizzle_migrations))) as f`,
  );
  return rows[0]!.f;
}

/** Back to the freshly migrated state; false when that cannot be guaranteed. */
async function reset(database: Database): Promise<boolean> {
  const client = database.pglite!;
  if (client.closed) return false;
  try {
    // A test that failed inside a transaction leaves it open.
    if (client.isInTransaction()) await client.exec('rollback');
    whichTablesHaveRows ??= await (async () => {
      const { rows } = await client.query<{ t: string }>(
        `select format('%I.%I', n.nspname, c.relname) as t from pg_class c
           join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p') and ${userSchemas} and n.nspname <> 'drizzle' order by 1`,
      );
      return rows
        .map((r) => `select ${literal(r.t)} as t where exists (select from ${r.t})`)
        .join(' union all ');
    })();
    // Only the tables a test wrote to (truncating all ~30 costs more than the test's own queries).
    const used = (await client.query<{ t: string }>(whichTablesHaveRows)).rows.map((r) => r.t);
    if (used.length > 0) await client.exec(`truncate ${used.join(', ')} cascade`);
    // Every sequence a test drew from starts again (also those of tables whose inserts were rolled back).
    const { rows: seqs } = await client.query<{ s: string }>(
      `select format('%I.%I', schemaname, sequencename) as s from pg_sequences
       where last_value is not null and schemaname <> 'drizzle'`,
    );
    for (const { s } of seqs) await client.exec(`alter sequence ${s} restart`);
    await client.exec('discard all');
    return (await fingerprint(database)) === migratedFingerprint;
  } catch {
    return false;
  }
}

async function pgliteTestDatabase(): Promise<Database> {
  let database = idle.pop();
  if (!database) {
    database = await openDatabase({ loadDataDir: pgliteImage() });
    migratedFingerprint ??= await fingerprint(database);
  }
  const own = database;
  let closed = false;
  return {
    ...own,
    async close() {
      if (closed) return;
      closed = true;
      if (await reset(own)) idle.push(own);
      else await own.close();
    },
  };
}

/**
 * A fresh, migrated database for one test file or test: in-memory PGlite (from the pool above), or a
 * new database on the TEST_DATABASE_URL server, copied from the migrated template, dropped on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return pgliteTestDatabase();
  const name = `bangfu_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
