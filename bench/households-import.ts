// Issue 3 benchmark: the household ledger import against its two baselines, measured in the same run.
//   npm run bench -- households-import            10,000 households / ~35,000 members (a few minutes)
//   npm run bench -- households-import --full     100,000 households / ~350,000 members
//   npm run bench -- households-import --households 30000
//   npm run bench -- households-import --repeat 5   runs of each measured phase, median reported (default 3
//                                                    up to 10,000 households, else 1)
//   npm run bench -- households-import --url postgres://postgres@127.0.0.1:5432/postgres
//       the same on a PostgreSQL server (databases bangfu_bench_import_*, dropped afterwards): the
//       import's peak is then the Node process alone; (b) is psql's \copy of the same CSV files
// Each phase runs in its own process so its peak memory (max RSS) is its own. A migrated PGlite data
// directory with the demo regions is prepared once (setup); each phase opens its own copy of it, so no
// phase pays for initdb (which alone peaks near 900 MB RSS) — an import always runs into an existing one.
//   (a) parse:  the streaming reader the import uses, doing nothing with the rows (and, for comparison,
//               exceljs's WorkbookReader)
//   (b) copy:   raw COPY of exactly the rows the import writes (encrypted, hashed, masked: dumped from a
//               scratch import before the clock starts) into the real tables households,
//               household_members and household_events, with their indexes and keys, in one transaction
//   (c) open:   the memory floor: a process that opens its copy of the database and runs one query
//   import:     the real import (parse, validate, dedup, encrypt, write, audit) into a fresh copy; its
//               peak RSS is read as soon as it returns; then list/search latency p50/p95 and the bulk
//               re-evaluation of one year.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../src/core/accounts/scope';
import { LEDGER_COLUMNS, LEDGER_SHEET } from '../src/core/households/ledger';
import { computeCheckChar } from '../src/core/identity/idNumber';
import { dayNumberToIsoDate, isoDateToDayNumber } from '../src/core/identity/dates';
import { mulberry32, pick } from '../src/core/identity/random';
import { syntheticName } from '../src/core/households/fixtures';
import { DEMO_YEAR_CONFIG_2020 } from '../src/core/monitoring/config';
import { loadConfig } from '../src/server/config';
import { migrateDatabase, openDatabase } from '../src/server/db/client';
import { monitoringYearConfigs, regions } from '../src/server/db/schema';
import { DEMO_SEED, demoRegions } from '../src/server/demo/demo-data';
import type { Deps } from '../src/server/deps';
import { reevaluateYearInBulk } from '../src/server/domains/households/households.evaluation';
import { listHouseholds } from '../src/server/domains/households/households.service';
import { importHouseholds } from '../src/server/domains/registry-import/import.service';
import { readSheetRows } from '../src/server/domains/registry-import/xlsx-reader';
import { createPii, keyIdOf } from '../src/server/pii/pii';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const phase = arg('--phase');
/** A PostgreSQL server to run on instead of PGlite (its maintenance database's URL). */
const SERVER_URL = arg('--url');
const TEMPLATE_DB = 'bangfu_bench_import_tpl';
const dbUrl = (name: string) => {
  const u = new URL(SERVER_URL!);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(statement: string) {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
function psql(name: string, commands: string[], single = false) {
  const r = spawnSync(
    'psql',
    [
      dbUrl(name),
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      ...(single ? ['-1'] : []),
      ...commands.flatMap((c) => ['-c', c]),
    ],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
}
const HOUSEHOLDS = Number(arg('--households') ?? (args.includes('--full') ? 100_000 : 10_000));
/** Runs of each measured phase (median reported): 3 up to 10,000 households, else 1 unless given. */
const REPEAT = Number(arg('--repeat') ?? (HOUSEHOLDS <= 10_000 ? 3 : 1));
const villages = demoRegions(DEMO_SEED).filter((r) => r.level === 'village' && r.tree === 'district');
const SIZES = [1, 2, 3, 3, 4, 4, 4, 5, 5, 4]; // mean 3.5
const RELATIONS = ['户主', '配偶', '之子', '之女', '之孙子', '之孙女'];

interface Person {
  household: number;
  cells: (string | number | null)[];
}

/** Deterministic ledger rows: unique, valid synthetic ID numbers (fictional address code 349901). */
function* rows(households: number): Generator<Person> {
  const rng = mulberry32(42);
  const base = isoDateToDayNumber('1940-01-01');
  let k = 0;
  for (let h = 0; h < households; h++) {
    const size = pick(rng, SIZES);
    const village = villages[h % villages.length]!.code;
    for (let j = 0; j < size; j++) {
      const birth = dayNumberToIsoDate(base + (k % 25_000));
      const seq = String(Math.floor(k / 25_000) + 1).padStart(3, '0');
      const first17 = `349901${birth.replace(/-/g, '')}${seq}`;
      const id = first17 + computeCheckChar(first17);
      k += 1;
      const byKey: Record<string, string | number | null> = {
        regionCode: village,
        householdNo: `B${String(h).padStart(9, '0')}`,
        villageGroup: `${(h % 9) + 1}组`,
        attribute: j === 0 ? pick(rng, ['一般农户', '脱贫户', '低保户']) : null,
        householdPhone: j === 0 ? `139${String(h).padStart(8, '0')}` : null,
        declaredSize: j === 0 ? size : null,
        name: syntheticName(rng),
        idNumber: id,
        relation: RELATIONS[Math.min(j, RELATIONS.length - 1)]!,
        health: pick(rng, ['健康', '健康', '健康', '长期慢性病', '患有大病']),
        labour: pick(rng, ['普通劳动力', '普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '丧失劳动力']),
        schooling: '非在校生',
        medicalInsurance: '是',
        criticalIllnessInsurance: '是',
      };
      // Household columns repeated on every member row, as national exports do.
      if (j > 0) byKey.attribute = null;
      yield { household: h, cells: LEDGER_COLUMNS.map((c) => byKey[c.key] ?? null) };
    }
  }
}

async function generate(file: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(LEDGER_SHEET);
  ws.addRow(LEDGER_COLUMNS.map((c) => c.header)).commit();
  let n = 0;
  for (const r of rows(HOUSEHOLDS)) {
    ws.addRow(r.cells).commit();
    n += 1;
  }
  ws.commit();
  await wb.commit();
  return n;
}

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** The migrated data directory with the demo regions that every phase starts from. */
async function setup(template: string) {
  if (SERVER_URL) {
    await admin(`drop database if exists ${TEMPLATE_DB}`);
    await admin(`create database ${TEMPLATE_DB}`);
  }
  const database = await openDatabase(
    SERVER_URL ? { databaseUrl: dbUrl(TEMPLATE_DB) } : { dataDir: template },
  );
  await migrateDatabase(database);
  await database.db
    .insert(regions)
    .values(demoRegions(DEMO_SEED).map((r) => ({ ...r, countyCode: r.code.slice(0, 6) })));
  await database.close();
  return {};
}

async function freshDeps(): Promise<{ deps: Deps; dir: string; name: string; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-'));
  const name = `bangfu_bench_import_${process.pid}`;
  if (SERVER_URL) {
    await admin(`drop database if exists ${name}`);
    await admin(`create database ${name} template ${TEMPLATE_DB}`);
  } else fs.cpSync(arg('--template')!, dir, { recursive: true });
  const database = await openDatabase(SERVER_URL ? { databaseUrl: dbUrl(name) } : { dataDir: dir });
  const key = crypto.randomBytes(32);
  const deps: Deps = {
    db: database.db,
    database,
    config: { ...loadConfig({}), dataDir: dir },
    pii: createPii({ current: { id: keyIdOf(key), key }, previous: [] }),
    now: () => new Date(),
  };
  return {
    deps,
    dir,
    name,
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (SERVER_URL) await admin(`drop database if exists ${name}`);
    },
  };
}

/** (a) The reader the import uses, doing nothing with the rows. */
async function phaseParse(file: string) {
  const t0 = performance.now();
  let n = 0;
  for await (const _r of readSheetRows(file, LEDGER_SHEET)) n += 1;
  return { ms: performance.now() - t0, rows: n - 1 };
}

/** (a') exceljs's own streaming reader, for comparison; counts the names it garbles ("�"). */
async function phaseParseExceljs(file: string) {
  const t0 = performance.now();
  let n = 0;
  let garbled = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const ws of reader)
    for await (const row of ws) {
      n += 1;
      if ((row.values as unknown[]).some((v) => typeof v === 'string' && v.includes('\ufffd'))) garbled += 1;
    }
  return { ms: performance.now() - t0, rows: n - 1, garbled };
}

const TABLES = ['households', 'household_members', 'household_events'] as const;
const columnsOf = (file: string, table: string) => fs.readFileSync(`${file}.${table}.cols`, 'utf8');

/** (b) setup, not timed: a scratch import, then the rows it wrote dumped as CSV files. */
async function phaseCopyPrep(file: string) {
  const { deps, name, close } = await freshDeps();
  const report = await importHouseholds(deps, BENCH_ADMIN, file);
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  // The stored columns (a generated column is not written, so it is neither dumped nor copied).
  const cols: Record<string, string> = {};
  for (const t of TABLES) {
    const res = await deps.db.execute<{ cols: string }>(sql`
      select string_agg(quote_ident(attname), ', ' order by attnum) as cols from pg_attribute
      where attrelid = ${t}::regclass and attnum > 0 and not attisdropped and attgenerated = ''`);
    cols[t] = (res as unknown as { rows: { cols: string }[] }).rows[0]!.cols;
    fs.writeFileSync(`${file}.${t}.cols`, cols[t]);
  }
  if (SERVER_URL) {
    psql(
      name,
      TABLES.map(
        (t) => `\\copy (select ${cols[t]} from ${t} order by id) to '${file}.${t}.csv' with (format csv)`,
      ),
    );
    await close();
    return {};
  }
  const lite = deps.database.pglite!;
  for (const t of TABLES) {
    const res = await lite.query(
      `copy (select ${cols[t]} from ${t} order by id) to '/dev/blob' with (format csv)`,
    );
    fs.writeFileSync(`${file}.${t}.csv`, Buffer.from(await res.blob!.arrayBuffer()));
  }
  await close();
  return {};
}

/** (b) raw COPY of those rows into the real tables of a fresh database, in one transaction. */
async function phaseCopy(file: string) {
  const { deps, name, close } = await freshDeps();
  if (SERVER_URL) {
    // psql streams each file to the server with COPY … FROM STDIN, the three in one transaction.
    const t0 = performance.now();
    psql(
      name,
      TABLES.map((t) => `\\copy ${t} (${columnsOf(file, t)}) from '${file}.${t}.csv' with (format csv)`),
      true,
    );
    const ms = performance.now() - t0;
    const [row] = (
      await deps.database.pool!.query<{ n: number }>('select count(*)::int as n from household_members')
    ).rows;
    const mb = TABLES.reduce((n, t) => n + fs.statSync(`${file}.${t}.csv`).size, 0) / 1e6;
    await close();
    return { ms, rows: row!.n, mb };
  }
  const lite = deps.database.pglite!;
  // The CSV is read before the clock starts: the baseline is the database write alone.
  const blobs = TABLES.map((t) => new Blob([fs.readFileSync(`${file}.${t}.csv`)]));
  const t0 = performance.now();
  await lite.transaction(async (tx) => {
    for (const [i, t] of TABLES.entries())
      await tx.query(`copy ${t} (${columnsOf(file, t)}) from '/dev/blob' with (format csv)`, [], {
        blob: blobs[i],
      });
  });
  const ms = performance.now() - t0;
  const rows = Number(
    (await lite.query<{ n: number }>('select count(*)::int as n from household_members')).rows[0]!.n,
  );
  const mb = blobs.reduce((n, b) => n + b.size, 0) / 1e6;
  await close();
  return { ms, rows, mb };
}

/**
 * The memory floor of any import process: the same process opens its copy of the database (PGlite:
 * compiles PostgreSQL's WebAssembly and starts it) and runs one query, nothing more.
 */
async function phaseOpen() {
  const { deps, close } = await freshDeps();
  await deps.db.execute(sql`select count(*) from regions`);
  const maxRssKb = process.resourceUsage().maxRSS;
  await close();
  return { maxRssKb };
}

const BENCH_ADMIN: Actor = { id: 0, username: 'bench', role: 'admin', regionCode: null, unitId: null };

async function phaseImport(file: string) {
  const { deps, close } = await freshDeps();
  const admin = BENCH_ADMIN;
  const t0 = performance.now();
  const report = await importHouseholds(deps, admin, file);
  const importMs = performance.now() - t0;
  // Peak RSS of the process up to the end of the import (the queries below come after).
  const importMaxRssKb = process.resourceUsage().maxRSS;
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);

  // List / search latency at this size.
  const town: Actor = { ...admin, role: 'town', regionCode: villages[0]!.parentCode };
  const rng = mulberry32(7);
  const lat: Record<string, number[]> = {
    'list page (admin, keyset)': [],
    'list page (town scope)': [],
    'search by name': [],
    'search by ID number': [],
    'filter deep group': [],
  };
  const maxId = report.households;
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    lat[label]!.push(performance.now() - s);
  };
  for (let i = 0; i < 100; i++) {
    const after = Math.floor(rng() * maxId);
    await time('list page (admin, keyset)', () => listHouseholds(deps, admin, { limit: 50, after }));
    await time('list page (town scope)', () =>
      listHouseholds(deps, town, { limit: 50, after: Math.floor(after / 8) }),
    );
    await time('search by name', () =>
      listHouseholds(deps, admin, { limit: 50, q: syntheticName(rng).slice(0, 2) }),
    );
    const birth = dayNumberToIsoDate(isoDateToDayNumber('1940-01-01') + Math.floor(rng() * 25_000)).replace(
      /-/g,
      '',
    );
    const first17 = `349901${birth}001`;
    await time('search by ID number', () =>
      listHouseholds(deps, admin, { limit: 50, q: first17 + computeCheckChar(first17) }),
    );
    await time('filter deep group', () =>
      listHouseholds(deps, admin, { limit: 50, deepGroup: 'seriouslyIll', after }),
    );
  }

  // Bulk re-evaluation of one year for every household.
  await deps.db.insert(monitoringYearConfigs).values({ year: 2020, config: DEMO_YEAR_CONFIG_2020 });
  await deps.db.execute(sql`
    insert into household_years (household_id, year, county_code, region_code, as_of, wages, net_business_income, property_income,
      transfer_income, business_costs, rigid_medical, rigid_education, rigid_disaster, rigid_other, housing_grade, water, food_clothing)
    select id, 2020, county_code, region_code, '2020-11-30', (id % 97) * 700, 3000, 0, 2000, 500, case when id % 37 = 0 then 30000 else 0 end, 0, 0, 0,
      case when id % 41 = 0 then 'C' else 'A' end,
      '{"litresPerPersonDay":60,"waterShortArea":false,"qualityOk":true,"fetchMinutes":0,"supplyCutDaysPerYear":0}'::jsonb,
      '{"enoughStapleFood":true,"meatAtLeastMonthly":true,"seasonalClothing":true}'::jsonb
    from households`);
  const r0 = performance.now();
  const re = await reevaluateYearInBulk(deps.db, 2020, new Date());
  const reMs = performance.now() - r0;
  await close();
  return {
    importMs,
    importMaxRssKb,
    households: report.households,
    members: report.members,
    latency: Object.fromEntries(
      Object.entries(lat).map(([k, v]) => [k, { p50: pct(v, 50), p95: pct(v, 95) }]),
    ),
    reevaluate: { ms: reMs, evaluated: re.evaluated, flagged: re.flagged },
  };
}

if (phase) {
  const file = arg('--file')!;
  const result =
    phase === 'parse'
      ? await phaseParse(file)
      : phase === 'exceljs'
        ? await phaseParseExceljs(file)
        : phase === 'setup'
          ? await setup(arg('--template')!)
          : phase === 'open'
            ? await phaseOpen()
            : phase === 'copy-prep'
              ? await phaseCopyPrep(file)
              : phase === 'copy'
                ? await phaseCopy(file)
                : await phaseImport(file);
  console.log(JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0);
}

if (arg('--out')) {
  // Only write the generated ledger (for profiling or a manual `bangfu import households`).
  console.log(`${await generate(arg('--out')!)} member rows written to ${arg('--out')}`);
  process.exit(0);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-xlsx-'));
const file = path.join(dir, 'households.xlsx');
console.log(`Generating ${HOUSEHOLDS.toLocaleString()} households …`);
const g0 = performance.now();
const members = await generate(file);
console.log(
  `  ${members.toLocaleString()} member rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${((performance.now() - g0) / 1000).toFixed(1)} s`,
);

const template = path.join(dir, 'template');
const run = (p: string) => {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      import.meta.filename,
      '--phase',
      p,
      '--file',
      file,
      '--households',
      String(HOUSEHOLDS),
      '--template',
      template,
      ...(SERVER_URL ? ['--url', SERVER_URL] : []),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`${p} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
};
type Phase = ReturnType<typeof run>;
run('setup');
run('copy-prep');
// Each measured phase runs REPEAT times, interleaved (parse, copy, import, parse, …) so a drift of the
// machine touches all three alike; the median run of each is reported (a single run of the import
// varied by ±20% on a quiet machine).
const runs: { parse: Phase[]; copy: Phase[]; imp: Phase[] } = { parse: [], copy: [], imp: [] };
for (let i = 0; i < REPEAT; i++) {
  runs.parse.push(run('parse'));
  runs.copy.push(run('copy'));
  runs.imp.push(run('import'));
}
const median = (xs: Phase[], ms: (x: Phase) => number) =>
  [...xs].sort((a, b) => ms(a) - ms(b))[(xs.length - 1) >> 1]!;
const spread = (xs: Phase[], ms: (x: Phase) => number) =>
  xs.length > 1 ? `  (median of ${xs.map((x) => (ms(x) / 1000).toFixed(1)).join(', ')} s)` : '';
const parse = median(runs.parse, (x) => x.ms);
console.log(
  `(a) bare streaming parse: ${(parse.ms / 1000).toFixed(1)} s, peak ${mb(parse.maxRssKb)}  (Bangfu's reader, used by the import)${spread(runs.parse, (x) => x.ms)}`,
);
const ej = run('exceljs');
console.log(
  `    exceljs WorkbookReader: ${(ej.ms / 1000).toFixed(1)} s, peak ${mb(ej.maxRssKb)}, rows with garbled Chinese: ${ej.garbled}`,
);
const copy = median(runs.copy, (x) => x.ms);
const where = SERVER_URL ? 'PostgreSQL' : 'PGlite';
console.log(
  `(b) raw COPY (${where}): ${(copy.ms / 1000).toFixed(1)} s, peak ${SERVER_URL ? '— (psql \\copy; the server does the work)' : mb(copy.maxRssKb)}  (${copy.mb.toFixed(0)} MB of CSV: the rows the import writes, into households, household_members, household_events with their indexes and keys)${spread(runs.copy, (x) => x.ms)}`,
);
const open = run('open');
console.log(
  `(c) opening the database: peak ${mb(open.maxRssKb)}  (a process that opens its copy and runs one query: the floor of the import's peak${SERVER_URL ? ', the server apart' : '; PGlite included'})`,
);
const imp = median(runs.imp, (x) => x.importMs);
const budget = 1.5 * (parse.ms + copy.ms);
console.log(
  `import (validate+write):   ${(imp.importMs / 1000).toFixed(1)} s, peak ${mb(imp.importMaxRssKb)}  →  ${(imp.importMs / (parse.ms + copy.ms)).toFixed(2)} × (a + b); target ≤ 1.5 × = ${(budget / 1000).toFixed(1)} s, ≤ 400 MB${spread(runs.imp, (x) => x.importMs)}`,
);
console.log(`  the import's own memory: ${mb(imp.importMaxRssKb - open.maxRssKb)} above (c)`);
console.log(`  ${imp.households.toLocaleString()} households, ${imp.members.toLocaleString()} members`);
console.log(
  `list/search latency at ${imp.households.toLocaleString()} households (${where}, 100 runs each):`,
);
for (const [k, v] of Object.entries(imp.latency as Record<string, { p50: number; p95: number }>))
  console.log(`  ${k.padEnd(28)} p50 ${v.p50.toFixed(1)} ms   p95 ${v.p95.toFixed(1)} ms`);
console.log(
  `bulk re-evaluation of 2020: ${imp.reevaluate.evaluated.toLocaleString()} households in ${(imp.reevaluate.ms / 1000).toFixed(1)} s (${imp.reevaluate.flagged.toLocaleString()} flagged)`,
);
fs.rmSync(dir, { recursive: true, force: true });
if (SERVER_URL) await admin(`drop database if exists ${TEMPLATE_DB}`);
