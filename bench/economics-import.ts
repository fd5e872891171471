// The yearly economics ledger import (家庭收支台账) into the demo district, against baselines of the same run.
//   npm run bench -- economics-import                 every demo household (3,000) for 2020, on PGlite
//   npm run bench -- economics-import --year 2019     a past year: the next year's rows follow (income drop)
//   npm run bench -- economics-import --households 1000
//   npm run bench -- economics-import --url postgres://postgres@127.0.0.1:5432/postgres
//       the same on a PostgreSQL server (database bangfu_bench_econ_<pid>, dropped afterwards)
// The demo is loaded into a fresh database (PGlite in a temporary data folder), then a synthetic ledger
// of one row per household (named by 系统编号, amounts from a seeded PRNG, some below the line) is written
// to an .xlsx file, and timed:
//   (a) parse:   the streaming reader the import uses, doing nothing with the rows
//   (b) dry run: the import's validation (parse, check every row, find the households), nothing written
//   import:      the real import (validation, then the household-years, their evaluation, audit, timeline)
// The load average is printed beside the figures: the machine may be shared.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { ECONOMICS_COLUMNS, ECONOMICS_SHEET } from '../src/core/households/economics-ledger';
import { mulberry32 } from '../src/core/identity/random';
import { loadConfig } from '../src/server/config';
import { migrateDatabase, openDatabase } from '../src/server/db/client';
import { households } from '../src/server/db/schema';
import { loadDemo, SYSTEM_ACTOR } from '../src/server/demo/demo';
import type { Deps } from '../src/server/deps';
import { importEconomics } from '../src/server/domains/registry-import/economics-import.service';
import { readSheetRows } from '../src/server/domains/registry-import/xlsx-reader';
import { createPii, keyIdOf } from '../src/server/pii/pii';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const YEAR = Number(arg('--year') ?? 2020);
const LIMIT = arg('--households') ? Number(arg('--households')) : Infinity;
const SERVER_URL = arg('--url');
const DB_NAME = `bangfu_bench_econ_${process.pid}`;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

async function openDeps(dir: string): Promise<Deps> {
  let databaseUrl: string | undefined;
  if (SERVER_URL) {
    await admin(`create database ${DB_NAME}`);
    const u = new URL(SERVER_URL);
    u.pathname = `/${DB_NAME}`;
    databaseUrl = u.toString();
  }
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: dir });
  await migrateDatabase(database);
  const key = crypto.randomBytes(32);
  return {
    db: database.db,
    database,
    config: { ...loadConfig({}), dataDir: dir },
    pii: createPii({ current: { id: keyIdOf(key), key }, previous: [] }),
    now: () => new Date(),
  };
}

/** One row per active household, named by its system number; about one in eight falls below the line. */
async function writeLedger(deps: Deps, file: string): Promise<number> {
  const ids = (
    await deps.db
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.active, true)))
      .orderBy(asc(households.id))
  )
    .map((r) => r.id)
    .slice(0, LIMIT);
  const rng = mulberry32(7);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false });
  const ws = wb.addWorksheet(ECONOMICS_SHEET);
  ws.addRow(ECONOMICS_COLUMNS.map((c) => c.header)).commit();
  for (const id of ids) {
    const low = rng() < 0.125;
    const byKey: Record<string, string | number | null> = {
      householdId: id,
      year: YEAR,
      wages: Math.round((low ? 2000 : 12000) + rng() * 30000),
      netBusinessIncome: Math.round(rng() * 8000),
      propertyIncome: Math.round(rng() * 500),
      transferIncome: Math.round(rng() * 3000),
      businessCosts: Math.round(rng() * 2000),
      rigidMedical: rng() < 0.1 ? Math.round(rng() * 40000) : 0,
      housingGrade: rng() < 0.03 ? 'C' : 'A',
      litresPerPersonDay: 60,
      waterShortArea: '否',
      qualityOk: '是',
      fetchMinutes: 5,
      supplyCutDaysPerYear: 0,
      enoughStapleFood: '是',
      meatAtLeastMonthly: '是',
      seasonalClothing: '是',
    };
    ws.addRow(ECONOMICS_COLUMNS.map((c) => byKey[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
  return ids.length;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-econ-'));
const file = path.join(dir, 'economics.xlsx');
const deps = await openDeps(dir);
try {
  const d0 = performance.now();
  await loadDemo(deps);
  const rows = await writeLedger(deps, file);
  console.log(
    `${deps.database.kind}: demo loaded, ledger of ${rows.toLocaleString()} household-years for ${YEAR} written (${s(performance.now() - d0)}); load ${load()}`,
  );

  const p0 = performance.now();
  let read = 0;
  for await (const _r of readSheetRows(file, ECONOMICS_SHEET)) read += 1;
  const parseMs = performance.now() - p0;
  console.log(`(a) bare parse:  ${s(parseMs)}  (${read - 1} rows); load ${load()}`);

  const dry = await importEconomics(deps, SYSTEM_ACTOR, file, { dryRun: true });
  if (!dry.ok) throw new Error(`dry run refused: ${JSON.stringify(dry.errors.slice(0, 3))}`);
  console.log(`(b) dry run:     ${s(dry.ms)}  (validate and find the households); load ${load()}`);

  const r = await importEconomics(deps, SYSTEM_ACTOR, file);
  if (!r.ok) throw new Error(`import refused: ${JSON.stringify(r.errors.slice(0, 3))}`);
  console.log(
    `import:          ${s(r.ms)}  (${r.written} written, ${r.created} new, ${r.flagged} flagged) → ${(r.ms / parseMs).toFixed(1)} × (a), ${(r.ms / dry.ms).toFixed(1)} × (b); write phase ${((r.ms - dry.ms) / r.written).toFixed(2)} ms per household-year; load ${load()}`,
  );
} finally {
  await deps.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (SERVER_URL) await admin(`drop database if exists ${DB_NAME}`);
}
