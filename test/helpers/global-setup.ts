import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createRequire } from 'node:module';
import { migrateDatabase, migrationsFolder, openDatabase } from '../../src/server/db/client';

const require = createRequire(import.meta.url);

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data-dir dump (file path) every test database starts from. */
    pgliteImagePath: string;
    /** A migrated database on TEST_DATABASE_URL each test database is created from (TEMPLATE). */
    postgresTemplate: string;
  }
}

/**
 * Runs the migrations once per test run instead of once per test file: a fresh PGlite's initdb and
 * the migrations cost ~10 s of CPU per file. On PGlite the migrated data dir is dumped to a file; on
 * PostgreSQL a migrated template database is made, and each test database is a copy of it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `bangfu_tpl_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString() });
    await migrateDatabase(database);
    await database.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteImagePath', '');
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  project.provide('pgliteImagePath', await pgliteImage());
  project.provide('postgresTemplate', '');
}

/**
 * The migrated PGlite image, kept in the temp folder under a name made from everything it depends on
 * (the migrations and the PGlite version), so a second run on the same machine reuses it.
 */
async function pgliteImage(): Promise<string> {
  const hash = crypto.createHash('sha256');
  const pglite = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  hash.update(fs.readFileSync(pglite));
  for (const f of fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(migrationsFolder, f);
    if (fs.statSync(full).isFile()) hash.update(f).update(fs.readFileSync(full));
  }
  const dir = path.join(os.tmpdir(), 'bangfu-test-images');
  const file = path.join(dir, `migrated-${hash.digest('hex').slice(0, 16)}.tar`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const database = await openDatabase({});
  await migrateDatabase(database);
  const image = await database.pglite!.dumpDataDir('none');
  await database.close();
  // Written aside and renamed: a concurrent run never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
  fs.renameSync(partial, file);
  return file;
}
