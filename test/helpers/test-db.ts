import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, migrateDatabase, type Database } from '../../src/server/db/client';

/** Which database the service and HTTP tests run on: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

let migratedImage: Promise<Blob> | undefined;

/** One migrated PGlite image per test worker: each test database starts from a copy (fast, isolated). */
async function pgliteImage(): Promise<Blob> {
  migratedImage ??= (async () => {
    const db = await openDatabase({});
    await migrateDatabase(db);
    const image = await db.pglite!.dumpDataDir('none');
    await db.close();
    return image;
  })();
  return migratedImage;
}

/**
 * A fresh, migrated database for one test file or test: in-memory PGlite, or a new database on the
 * TEST_DATABASE_URL server that is dropped on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    return openDatabase({ loadDataDir: await pgliteImage() });
  }
  const name = `bangfu_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  await migrateDatabase(database);
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
