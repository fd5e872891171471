import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold, syntheticMember } from '../src/core/households/fixtures';
import {
  ECONOMICS_COLUMNS,
  parseEconomicsRow,
  type EconomicsKey,
} from '../src/core/households/economics-ledger';
import { mulberry32 } from '../src/core/identity/random';
import { DEMO_YEAR_CONFIG_2020 } from '../src/core/monitoring/config';
import type { Actor } from '../src/core/accounts/scope';
import { audit } from '../src/server/audit/audit';
import type { DbOrTx } from '../src/server/db/client';
import { households, householdYears } from '../src/server/db/schema';
import { lockHousehold } from '../src/server/domains/households/households.repository';
import { saveHouseholdYear } from '../src/server/domains/households/monitoring.service';
import {
  importEconomics,
  type EconomicsImportProgress,
} from '../src/server/domains/registry-import/economics-import.service';
import {
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
  VILLAGE_B1,
  auditCount,
  createTestApp,
  login,
  seedRegions,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let dataDir: string;
let admin: Session;
let townA: Session;
let townB: Session;
let townAActor: Actor;
const rng = mulberry32(11);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-econ-'));
  t = await createTestApp({ dataDir });
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  const townAId = await seedUser(t.deps, { username: 'clerk-a', role: 'town', regionCode: TOWN_A });
  townAActor = { id: townAId, username: 'clerk-a', role: 'town', regionCode: TOWN_A, unitId: null };
  await seedUser(t.deps, { username: 'clerk-b', role: 'town', regionCode: TOWN_B });
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
  townB = await login(t.app, 'clerk-b');
  const res = await admin.request({
    method: 'PUT',
    url: `/api/monitoring/year-configs/2020`,
    payload: DEMO_YEAR_CONFIG_2020,
  });
  expect(res.statusCode, res.body).toBe(200);
});

/** 2019's thresholds too, so that 2020's income-drop rule reads 2019's per-capita income. */
async function configure2019() {
  const res = await admin.request({
    method: 'PUT',
    url: `/api/monitoring/year-configs/2019`,
    payload: { ...DEMO_YEAR_CONFIG_2020, year: 2019 },
  });
  expect(res.statusCode, res.body).toBe(200);
}
afterEach(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A two-adult household registered through the API; returns its id, number and the head's ID number. */
async function household(session: Session, village: string, householdNo: string) {
  const head = syntheticMember(rng, {
    relation: 'head',
    birthDate: '1975-04-01',
    health: 'healthy',
    labour: 'normal',
    disabilityCertificate: null,
    medicalInsurance: true,
    criticalIllnessInsurance: true,
  });
  const body = syntheticHousehold(rng, village, {
    attribute: '一般农户',
    householdNo,
    members: [
      head,
      syntheticMember(rng, {
        relation: 'spouse',
        birthDate: '1977-08-01',
        health: 'healthy',
        labour: 'normal',
        disabilityCertificate: null,
        medicalInsurance: true,
        criticalIllnessInsurance: true,
      }),
    ],
  });
  const res = await session.request({ method: 'POST', url: '/api/households', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as { id: number }).id, householdNo, headId: head.idNumber };
}

type Row = Record<string, unknown>;

/** The data rows of a workbook as the import reads them: cells by column key. */
async function workbookRows(file: Buffer): Promise<Map<EconomicsKey, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('家庭收支')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const out: Map<EconomicsKey, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = new Map<EconomicsKey, unknown>();
    header.forEach((h, i) => {
      const c = ECONOMICS_COLUMNS.find((x) => x.header === h)!;
      cells.set(c.key, ws.getRow(r).getCell(i + 1).value ?? undefined);
    });
    out.push(cells);
  }
  return out;
}

async function workbook(rows: Row[], headers = ECONOMICS_COLUMNS.map((c) => c.header)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('家庭收支');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Safe house, water, food and clothing: only income can flag. Two people. */
const row = (over: Row): Row => ({
  年度: 2020,
  工资性收入: 20000,
  住房安全等级: 'A',
  '人均日用水量(升)': 60,
  是否缺水地区: '否',
  水质是否达标: '是',
  '取水往返时间(分钟)': 0,
  年断水天数: 0,
  口粮是否充足: '是',
  每月至少吃一次肉: '是',
  四季衣被是否齐全: '是',
  ...over,
});

interface Report {
  ok: boolean;
  rows: number;
  written: number;
  created: number;
  flagged: number;
  errorCount: number;
  errors: { path: string; row: number; column: string; code: string; message: { zh: string } }[];
}

interface Job {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: { phase: string; rowsRead: number; totalRows: number | null; yearsWritten: number };
  report: Report | null;
}

/** Posts the file; the answer is the started job (202) or a refusal. */
function startImport(s: Session, file: Buffer, dryRun = false) {
  return s.request({
    method: 'POST',
    url: `/api/households/economics-imports?dryRun=${dryRun}`,
    headers: { 'content-type': XLSX },
    payload: file,
  });
}

const pollJob = (s: Session, id: string) =>
  s.request({ method: 'GET', url: `/api/households/economics-imports/${id}` });

/** Polls the job as the page does until it ends; every answer seen is kept. */
async function pollToEnd(s: Session, started: Job): Promise<Job[]> {
  const seen = [started];
  let job = started;
  for (let i = 0; i < 400 && job.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    const res = await pollJob(s, job.id);
    expect(res.statusCode, res.body).toBe(200);
    job = res.json() as Job;
    seen.push(job);
  }
  expect(job.status).toBe('done');
  return seen;
}

/** Runs an import through its background job and returns the report. */
async function runImport(s: Session, file: Buffer, dryRun = false): Promise<Report> {
  const res = await startImport(s, file, dryRun);
  expect(res.statusCode, res.body).toBe(202);
  const seen = await pollToEnd(s, res.json() as Job);
  return seen.at(-1)!.report!;
}

const yearRows = async () => (await t.deps.db.select({ n: count() }).from(householdYears))[0]!.n;

/** Records a household-year through the form (PUT) before an import: wages only, safe otherwise. */
async function putYear(id: number, year: number, wages: number) {
  const res = await townA.request({
    method: 'PUT',
    url: `/api/households/${id}/years/${year}`,
    payload: {
      econ: {
        wages,
        netBusinessIncome: 0,
        propertyIncome: 0,
        transferIncome: 0,
        businessCosts: 0,
        rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 },
      },
      housing: { grade: 'A' },
      water: {
        litresPerPersonDay: 60,
        waterShortArea: false,
        qualityOk: true,
        fetchMinutes: 0,
        supplyCutDaysPerYear: 0,
      },
      foodClothing: { enoughStapleFood: true, meatAtLeastMonthly: true, seasonalClothing: true },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const rowsOf = async (db: DbOrTx, q: ReturnType<typeof sql>) =>
  (await db.execute(q)) as unknown as { rows: Record<string, unknown>[] };

/**
 * Everything an economics import may change, without generated ids and the audit rows' database time:
 * every household-year (evaluated_at apart: see below), the audit entries and timeline events written
 * after the given ids, in order, and the deep-difficulty groups of households and members.
 */
async function snapshot(db: DbOrTx, since: { audit: number; event: number }) {
  const years = (await rowsOf(db, sql`select * from household_years order by household_id, year`)).rows.map(
    (r): Record<string, unknown> => ({ ...r, evaluated_at: String(r.evaluated_at) }),
  );
  const audits = (
    await rowsOf(
      db,
      sql`select actor_id, actor_username, action, entity, entity_id, before, after, request_id
          from audit_log where id > ${since.audit} order by id`,
    )
  ).rows;
  const events = (
    await rowsOf(
      db,
      sql`select household_id, county_code, at, actor_id, actor_username, kind, summary, data
          from household_events where id > ${since.event} order by id`,
    )
  ).rows;
  const groups = (
    await rowsOf(
      db,
      sql`select 'h' as k, id, deep_groups, updated_at::text as updated_at from households
          union all select 'm', id, deep_groups, null from household_members order by 1, 2`,
    )
  ).rows;
  return { years, audits, events, groups };
}

const lastId = async (table: 'audit_log' | 'household_events') =>
  Number((await rowsOf(t.deps.db, sql`select coalesce(max(id), 0) as n from ${sql.raw(table)}`)).rows[0]!.n);

describe('yearly economics ledger import', () => {
  it('writes each household-year through the rules: flags with explanations, an audit entry per year and one for the file', async () => {
    const a = await household(townA, VILLAGE_A1, 'E-001');
    const b = await household(townA, VILLAGE_A1, 'E-002');
    const c = await household(townA, VILLAGE_A1, 'E-003');
    const file = await workbook([
      // 2 people × 5,230 = 10,460: below the 6,000 monitoring line → flagged
      row({ 户编号: ` ${a.householdNo} `, 工资性收入: '１０，４６０元' }),
      row({ 户主证件号码: b.headId, 工资性收入: 30000, 合规自付医疗费用: 1200 }),
      row({ 系统编号: c.id, 工资性收入: 24000, 评估日期: 44180 }), // Excel serial for 2020-12-15
    ]);
    const before = await auditCount(t.deps);
    const report = await runImport(townA, file);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 3, written: 3, created: 3, flagged: 1 });
    expect(await auditCount(t.deps, 'household.year')).toBe(3);
    expect(await auditCount(t.deps, 'household.economics_import')).toBe(1);
    expect(await auditCount(t.deps)).toBe(before + 4);

    const ya = (await townA.request({ method: 'GET', url: `/api/households/${a.id}/years/2020` })).json();
    expect(ya).toMatchObject({ perCapitaNetIncome: 5230, flagged: true });
    const flag = ya.flags.find((f: { rule: string }) => f.rule === 'incomeBelowMonitoringLine');
    expect(flag.explanation.zh).toContain('5,230');
    const yc = (await townA.request({ method: 'GET', url: `/api/households/${c.id}/years/2020` })).json();
    expect(yc).toMatchObject({ asOf: '2020-12-15', perCapitaNetIncome: 12000, flagged: false });
    const yb = (await townA.request({ method: 'GET', url: `/api/households/${b.id}/years/2020` })).json();
    expect(yb.econ.rigidExpenditure.medical).toBe(1200);

    // The same file again updates (nothing new is created) and the timeline says so.
    const again = await runImport(townA, file);
    expect(again).toMatchObject({ ok: true, written: 3, created: 0 });
    const timeline = (await townA.request({ method: 'GET', url: `/api/households/${a.id}/timeline` })).json();
    expect(
      timeline.items.filter((e: { kind: string }) => e.kind === 'household.year').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('changes nothing when any row is wrong, and locates every error by sheet, row and column', async () => {
    const a = await household(townA, VILLAGE_A1, 'E-101');
    const other = await household(townB, VILLAGE_B1, 'E-201');
    const file = await workbook([
      row({ 户编号: a.householdNo }), // row 2: fine
      row({ 户编号: 'NO-SUCH' }), // row 3
      row({ 户编号: other.householdNo }), // row 4: town B's household, outside town A
      row({ 户编号: a.householdNo }), // row 5: same household and year as row 2
      row({ 户编号: 'E-101', 年度: '二〇二〇', 工资性收入: '-5' }), // row 6: two bad cells
      row({ 户主证件号码: 349901197504011200 }), // row 7: an ID number Excel made a number (digits lost)
      row({ 住房安全等级: 'E', 户编号: a.householdNo, 年度: 2021, 水质是否达标: '也许' }), // row 8
    ]);
    const before = { audit: await auditCount(t.deps), years: await yearRows() };
    const started = await startImport(townA, file);
    expect(started.statusCode, started.body).toBe(202);
    const last = (await pollToEnd(townA, started.json() as Job)).at(-1)!;
    // Refused after validation: the job ends without a write phase.
    expect(last.progress).toEqual({ phase: 'done', rowsRead: 7, totalRows: null, yearsWritten: 0 });
    const report = last.report!;
    expect(report.ok).toBe(false);
    expect(report.written).toBe(0);
    expect(report.errors.map((e) => [e.path, e.code])).toEqual([
      ['家庭收支!3:户编号', 'household.not_found'],
      ['家庭收支!4:户编号', 'household.not_found'],
      ['家庭收支!5:户编号', 'household.duplicate_in_file'],
      ['家庭收支!6:年度', 'year.format'],
      ['家庭收支!6:工资性收入', 'number.format'],
      ['家庭收支!7:户主证件号码', 'id.precision'],
      ['家庭收支!8:住房安全等级', 'code.unknown'],
      ['家庭收支!8:水质是否达标', 'yesno'],
    ]);
    // Town B's household is reported exactly like a missing one: nothing leaks across towns.
    expect(report.errors[1]!.message).toEqual(report.errors[0]!.message);
    expect(report.errors.some((e) => JSON.stringify(e).includes('3499011975040112'))).toBe(false);
    expect(await yearRows()).toBe(before.years);
    expect(await auditCount(t.deps)).toBe(before.audit);
  });

  it('stores, audits and records on the timeline exactly what the form’s path writes row by row', async () => {
    await configure2019();
    const a = await household(townA, VILLAGE_A1, 'E-401');
    const b = await household(townA, VILLAGE_A1, 'E-402');
    const c = await household(townA, VILLAGE_A1, 'E-403');
    const d = await household(townA, VILLAGE_A1, 'E-404');
    const e = await household(townA, VILLAGE_A1, 'E-405');
    // a: 2019 10,000 a head, 2020 5,000: an income drop in 2020.
    await putYear(a.id, 2019, 20000);
    await putYear(a.id, 2020, 10000);
    await putYear(d.id, 2020, 30000);
    await putYear(e.id, 2020, 16000);
    // Results derived a day earlier: the import's are stamped with its own time.
    t.advance(86_400_000);
    const file = await workbook([
      // a's 2019 falls to 5,200 a head: 2020 (not in the file) no longer drops sharply.
      row({ 户编号: a.householdNo, 年度: 2019, 工资性收入: 10400 }),
      // b's 2020 first, then its 2019 (a later page): 2020 then reads 2019's income.
      row({ 户编号: b.householdNo, 工资性收入: 9000 }),
      row({ 户主证件号码: c.headId, 工资性收入: 30000, 合规自付医疗费用: 30000 }),
      row({ 系统编号: d.id, 年度: 2021, 工资性收入: 8000 }), // no 2021 thresholds: not evaluated
      row({ 户编号: e.householdNo, 工资性收入: 16000 }), // the same figures again
      row({ 户编号: b.householdNo, 年度: 2019, 工资性收入: 20000 }),
    ]);
    const filePath = path.join(dataDir, 'compare.xlsx');
    fs.writeFileSync(filePath, file);
    const since = { audit: await lastId('audit_log'), event: await lastId('household_events') };

    // The reference: each row through saveHouseholdYear in file order, as the import did before it wrote
    // in pages (parsed by the same core parser), in a transaction that is then rolled back.
    const refs = [a, b, c, d, e, b];
    const writes = (await workbookRows(file)).map((cells, i) => ({
      id: refs[i]!.id,
      data: parseEconomicsRow(cells).row,
    }));
    let expected!: Awaited<ReturnType<typeof snapshot>>;
    let counts = { created: 0, flagged: 0 };
    const rollback = new Error('rollback');
    await expect(
      t.deps.db.transaction(async (tx) => {
        const now = t.deps.now();
        for (const id of [...new Set(writes.map((w) => w.id))].sort((x, y) => x - y))
          await lockHousehold(tx, id);
        for (const w of writes) {
          const [h] = await tx.select().from(households).where(eq(households.id, w.id));
          const r = await saveHouseholdYear(
            tx,
            townAActor,
            h!,
            w.data.year!,
            {
              ...(w.data.asOf ? { asOf: w.data.asOf } : {}),
              econ: w.data.econ,
              housing: { grade: w.data.housingGrade },
              water: w.data.water,
              foodClothing: w.data.foodClothing,
            },
            now,
          );
          counts = {
            created: counts.created + (r.created ? 1 : 0),
            flagged: counts.flagged + (r.flagged ? 1 : 0),
          };
        }
        await audit(tx, townAActor, {
          action: 'household.economics_import',
          entity: 'household_year',
          entityId: null,
          after: {
            rows: writes.length,
            ...counts,
            fileSha256: crypto.createHash('sha256').update(file).digest('hex'),
          },
        });
        expected = await snapshot(tx, since);
        throw rollback;
      }),
    ).rejects.toBe(rollback);

    // One page but for b’s second year, which starts the next: b’s 2020 is audited as it stood before.
    const report = await importEconomics(t.deps, townAActor, filePath);
    expect(report).toMatchObject({ ok: true, written: 6, ...counts });
    const actual = await snapshot(t.deps.db, since);
    // The household-years: facts and results, with the neighbour a/2020 re-evaluated in both.
    const noTime = (ys: Record<string, unknown>[]) => ys.map(({ evaluated_at: _, ...r }) => r);
    expect(noTime(actual.years)).toEqual(noTime(expected.years));
    // Every written household-year is evaluated at the import's time in both. (The form's path also
    // re-stamps a household's other years whose result stays the same; the pages keep their time.)
    const stamp = (s: typeof actual, id: number, year: number) =>
      s.years.find((y) => Number(y.household_id) === id && y.year === year)!.evaluated_at;
    for (const [h, year] of [
      [a, 2019],
      [b, 2020],
      [b, 2019],
      [c, 2020],
      [d, 2021],
      [e, 2020],
      [a, 2020],
    ] as const)
      expect(stamp(actual, h.id, year)).toBe(stamp(expected, h.id, year));
    expect(actual.audits).toEqual(expected.audits);
    expect(actual.events).toEqual(expected.events);
    expect(actual.groups).toEqual(expected.groups);
    // The case is not trivial: the rules fired differently across the rows.
    const flagRules = (id: number, year: number) =>
      actual.years.find((y) => Number(y.household_id) === id && y.year === year)!.flag_rules;
    expect(flagRules(a.id, 2020)).toEqual(['incomeBelowMonitoringLine']);
    expect(flagRules(b.id, 2020)).toEqual(expect.arrayContaining(['incomeDrop']));
    expect(flagRules(c.id, 2020)).toEqual(['rigidExpenditure']);
    expect(actual.years.find((y) => Number(y.household_id) === d.id && y.year === 2021)!.evaluation).toBe(
      'no_config',
    );
    expect(actual.audits).toHaveLength(7);
  });

  it('leaves nothing behind when the write fails after a page is written', async () => {
    const hh = [];
    for (let i = 0; i < 3; i++) hh.push(await household(townA, VILLAGE_A1, `E-R0${i}`));
    await putYear(hh[0]!.id, 2020, 50000);
    const file = path.join(dataDir, 'economics.xlsx');
    fs.writeFileSync(file, await workbook(hh.map((h) => row({ 户编号: h.householdNo, 工资性收入: 1000 }))));
    const before = {
      snapshot: await snapshot(t.deps.db, { audit: 0, event: 0 }),
      audit: await auditCount(t.deps),
    };
    const failure = new Error('interrupted');
    await expect(
      importEconomics(t.deps, townAActor, file, {
        pageSize: 2,
        onProgress: (p) => {
          if (p.phase === 'write' && p.yearsWritten === 2) throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect(await snapshot(t.deps.db, { audit: 0, event: 0 })).toEqual(before.snapshot);
    expect(await auditCount(t.deps)).toBe(before.audit);
  });

  it('validates without writing on a dry run; refuses a file without the needed columns, a non-xlsx body and the wrong roles', async () => {
    const a = await household(townA, VILLAGE_A1, 'E-301');
    const dry = await runImport(townA, await workbook([row({ 户编号: a.householdNo })]), true);
    expect(dry).toMatchObject({ ok: true, dryRun: true, rows: 1, written: 0 });
    expect(await yearRows()).toBe(0);

    const noKey = await runImport(townA, await workbook([{ 工资性收入: 1 }], ['工资性收入']));
    expect(noKey.errors.map((e) => [e.path, e.code])).toEqual([
      ['家庭收支!1:年度', 'header.missing'],
      ['家庭收支!1:户编号', 'header.missing'],
    ]);

    const notXlsx = await startImport(townA, Buffer.from('户编号,年度\nE-301,2020\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details[0]).toMatchObject({ code: 'file.not_xlsx' });

    await seedUser(t.deps, { username: 'insp', role: 'inspector' });
    const inspector = await login(t.app, 'insp');
    const refused = await startImport(inspector, await workbook([row({ 户编号: a.householdNo })]));
    expect(refused.statusCode).toBe(403);
    expect(await yearRows()).toBe(0);
  });

  it('downloads the ledger of the user’s own households filled with the year’s figures, and it imports back unchanged', async () => {
    const a = await household(townA, VILLAGE_A1, '=HYPERLINK("x")');
    await household(townB, VILLAGE_B1, 'E-B');
    const put = await townA.request({
      method: 'PUT',
      url: `/api/households/${a.id}/years/2020`,
      payload: {
        econ: {
          wages: 9000,
          netBusinessIncome: 2000,
          propertyIncome: 0,
          transferIncome: 1500,
          businessCosts: 500,
          rigidExpenditure: { medical: 300, education: 0, disaster: 0, other: 0 },
        },
        housing: { grade: 'B' },
        water: {
          litresPerPersonDay: 80,
          waterShortArea: false,
          qualityOk: true,
          fetchMinutes: 5,
          supplyCutDaysPerYear: 2,
        },
        foodClothing: { enoughStapleFood: true, meatAtLeastMonthly: true, seasonalClothing: null },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await townA.request({ method: 'GET', url: '/api/households/economics.xlsx?year=2020' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('家庭收支')!;
    expect(ws.rowCount).toBe(2); // town A's one household; town B's is not in the file
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const values = Object.fromEntries(header.map((h, i) => [h, ws.getRow(2).getCell(i + 1).value]));
    expect(values).toMatchObject({
      系统编号: a.id,
      户编号: '\'=HYPERLINK("x")',
      年度: 2020,
      工资性收入: 9000,
      生产经营性支出: 500,
      合规自付医疗费用: 300,
      住房安全等级: 'B',
      四季衣被是否齐全: null,
    });
    expect(header).not.toContain('户主证件号码');

    const back = await runImport(townA, res.rawPayload);
    expect(back).toMatchObject({ ok: true, written: 1, created: 0 });
    const y = (await townA.request({ method: 'GET', url: `/api/households/${a.id}/years/2020` })).json();
    expect(y.econ).toMatchObject({ wages: 9000, transferIncome: 1500, businessCosts: 500 });
    expect(y.foodClothing).toEqual({
      enoughStapleFood: true,
      meatAtLeastMonthly: true,
      seasonalClothing: null,
    });
  });

  it('runs as a background job of its owner: polled to the end, its progress reaches the written total', async () => {
    const hh = [];
    for (let i = 0; i < 3; i++) hh.push(await household(townA, VILLAGE_A1, `E-J0${i}`));
    const file = await workbook(hh.map((h) => row({ 户编号: h.householdNo })));

    const res = await startImport(townA, file);
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json() as Job;
    // The answer comes before the file is read: the import goes on after the request.
    expect(started).toMatchObject({ status: 'running', report: null, progress: { phase: 'validate' } });
    expect(started).not.toHaveProperty('actorId');

    // Only its owner sees it: another town, the administrator and the household-ledger poll get 404.
    expect((await pollJob(townB, started.id)).statusCode).toBe(404);
    expect((await pollJob(admin, started.id)).statusCode).toBe(404);
    const asLedger = await townA.request({ method: 'GET', url: `/api/households/imports/${started.id}` });
    expect(asLedger.statusCode).toBe(404);

    const seen = await pollToEnd(townA, started);
    const last = seen.at(-1)!;
    expect(last.progress).toEqual({ phase: 'done', rowsRead: 3, totalRows: 3, yearsWritten: 3 });
    expect(last.report).toMatchObject({ ok: true, rows: 3, written: 3, created: 3 });
    expect(await yearRows()).toBe(3);
    // Still only the owner's once it has ended.
    expect((await pollJob(townB, started.id)).statusCode).toBe(404);
    expect((await pollJob(townA, crypto.randomUUID())).statusCode).toBe(404);
  });

  it('reports rows read, then household-years written page by page up to the total, then done', async () => {
    const hh = [];
    for (let i = 0; i < 3; i++) hh.push(await household(townA, VILLAGE_A1, `E-P0${i}`));
    const file = path.join(dataDir, 'economics.xlsx');
    fs.writeFileSync(file, await workbook(hh.map((h) => row({ 户编号: h.householdNo }))));
    const seen: EconomicsImportProgress[] = [];
    const report = await importEconomics(t.deps, townAActor, file, {
      reportEvery: 1,
      pageSize: 2,
      onProgress: (p) => seen.push(p),
    });
    expect(report).toMatchObject({ ok: true, written: 3 });
    expect(seen.map((p) => [p.phase, p.rowsRead, p.totalRows, p.yearsWritten])).toEqual([
      ['validate', 1, null, 0],
      ['validate', 2, null, 0],
      ['validate', 3, null, 0],
      ['write', 3, 3, 0],
      ['write', 3, 3, 2],
      ['write', 3, 3, 3],
      ['done', 3, 3, 3],
    ]);

    // A refused file never enters the write phase.
    fs.writeFileSync(file, await workbook([row({ 户编号: 'NO-SUCH' })]));
    const refused: EconomicsImportProgress[] = [];
    await importEconomics(t.deps, townAActor, file, { onProgress: (p) => refused.push(p) });
    expect(refused.map((p) => p.phase)).toEqual(['done']);
  });
});
