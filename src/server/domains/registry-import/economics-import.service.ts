import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import {
  ECONOMICS_SHEET,
  economicsHeaderOf,
  matchEconomicsHeaders,
  parseEconomicsRow,
  type EconomicsKey,
  type EconomicsRow,
} from '../../../core/households/economics-ledger';
import { parseIdNumber } from '../../../core/identity/idNumber';
import { todayIso } from '../../../core/identity/dates';
import { audit } from '../../audit/audit';
import { analyzeAfterBulkWrite } from '../../db/client';
import { householdMembers, households } from '../../db/schema';
import type { Deps } from '../../deps';
import { canWriteRegistry } from '../households/households.policy';
import { lockHouseholds } from '../households/households.repository';
import { saveHouseholdYears, type HouseholdYearWrite } from '../households/years.bulk';
import type { ImportIssue } from './import.service';
import { requireImporter } from './upload';
import { readSheetRows } from './xlsx-reader';

export interface EconomicsImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  /** Household-years written (0 unless ok and not a dry run). */
  written: number;
  /** Of those, household-years that did not exist before. */
  created: number;
  /** Household-years flagged by the monitoring rules after the import. */
  flagged: number;
  errorCount: number;
  errors: ImportIssue[];
  ms: number;
}

/** Where an economics import is, for the progress bar and the CLI. */
export interface EconomicsImportProgress {
  /** validate: reading and checking rows, then finding the households; write: saving household-years;
   *  done: committed, refused or (dry run) checked. */
  phase: 'validate' | 'write' | 'done';
  rowsRead: number;
  /** Household-years to write: known once every row is checked. */
  totalRows: number | null;
  /** Household-years saved so far inside the import's (not yet committed) transaction, page by page. */
  yearsWritten: number;
}

export interface EconomicsImportOptions {
  dryRun?: boolean;
  onProgress?: (p: EconomicsImportProgress) => void;
  /** Rows read between two progress reports (default 50); tests use 1 to see every step. */
  reportEvery?: number;
  /** Household-years written per page (default 2,000): progress is reported after each page. */
  pageSize?: number;
}

const MAX_REPORTED = 1000;
/** Rows read between two progress reports while validating (tens of microseconds a row). */
const REPORT_EVERY = 50;
/**
 * Household-years written per page: a page is a few statements whatever its size (the rows before,
 * the upsert, the evaluation, the rows after, the audit entries and events), each carrying the page as
 * one JSON parameter. Written one by one through the form's path (saveHouseholdYear), a household-year
 * cost 45–90 ms in the tests and 10–30 ms in `npm run bench -- economics-import` (the demo's 2,980:
 * 29–88 s); in pages, 0.5–0.7 ms (1.7–2.3 s), on PGlite and PostgreSQL alike (load ~6 on 2 cores).
 */
const PAGE_SIZE = 2000;
/** A yearly ledger is one row per household: a town has hundreds, the district a few thousand. */
const MAX_ROWS = 20_000;

interface Staged {
  row: number;
  data: EconomicsRow;
  householdId: number | null;
}

interface Target {
  id: number;
  countyCode: string;
  regionCode: string;
}

/**
 * Imports the yearly income-and-expenditure ledger 家庭收支台账 (R10 "yearly economics per household"):
 * every row is validated and its household found within the user's area first; only a file without
 * errors is written, in one transaction, in pages with the same result as the form's path for each
 * household-year (facts, re-derived assessment and flags, audit entry, timeline event: saveHouseholdYears).
 * A household outside the user's area reads as not found, so the import reveals nothing about other
 * areas. `onProgress` follows rows read, then household-years saved of the total, page by page (the
 * background job's progress bar).
 */
export async function importEconomics(
  deps: Deps,
  actor: Actor,
  file: string,
  opts: EconomicsImportOptions = {},
): Promise<EconomicsImportReport> {
  const started = Date.now();
  requireImporter(actor);
  const progress: EconomicsImportProgress = {
    phase: 'validate',
    rowsRead: 0,
    totalRows: null,
    yearsWritten: 0,
  };
  const report = () => opts.onProgress?.({ ...progress });
  const every = opts.reportEvery ?? REPORT_EVERY;
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  let sheetName = ECONOMICS_SHEET;
  /** `column` is the header text as the clerk sees it. */
  const fail = (row: number, column: string, code: string, message: ImportIssue['message']) => {
    errorCount += 1;
    if (errors.length < MAX_REPORTED)
      errors.push({ path: `${sheetName}!${row}:${column}`, sheet: sheetName, row, column, code, message });
  };

  // ---- validate every row ----
  const staged: Staged[] = [];
  let columns: Map<number, EconomicsKey> | null = null;
  for await (const { sheet, row } of readSheetRows(file, ECONOMICS_SHEET)) {
    sheetName = sheet;
    if (!columns) {
      const m = matchEconomicsHeaders(row.values.slice(1));
      if (m.problems.length > 0) {
        for (const p of m.problems) fail(row.number, p.column, p.code, p.message);
        break;
      }
      columns = new Map([...m.columns].map(([i, k]) => [i + 1, k]));
      continue;
    }
    const cells = new Map<EconomicsKey, unknown>();
    let empty = true;
    for (const [i, key] of columns) {
      const v = row.values[i];
      cells.set(key, v);
      if (v !== undefined && v !== null && v !== '' && !isInfo(key)) empty = false;
    }
    if (empty) continue;
    progress.rowsRead += 1;
    if (progress.rowsRead % every === 0) report();
    if (staged.length >= MAX_ROWS) {
      fail(row.number, '', 'file.too_many_rows', {
        zh: `一次最多导入 ${MAX_ROWS} 行，请按镇分开导入`,
        en: `At most ${MAX_ROWS} rows per file; split it by town`,
      });
      break;
    }
    const parsed = parseEconomicsRow(cells);
    for (const p of parsed.problems) fail(row.number, p.column, p.code, p.message);
    staged.push({ row: row.number, data: parsed.row, householdId: null });
  }
  if (!columns && errorCount === 0)
    fail(1, '', 'file.empty', { zh: '文件中没有表头行', en: 'The file has no header row' });

  // ---- find each household, within the user's area ----
  const targets = await resolveHouseholds(deps, staged);
  const seen = new Map<string, number>();
  for (const s of staged) {
    const ref = s.data.ref;
    if (!ref) continue;
    const refKey = economicsHeaderOf(
      ref.by === 'id' ? 'householdId' : ref.by === 'no' ? 'householdNo' : 'headIdNumber',
    );
    if (ref.by === 'headId' && !parseIdNumber(ref.idNumber, { asOf: todayIso(deps.now()) }).ok) {
      fail(s.row, refKey, 'id.invalid', { zh: '户主证件号码无效', en: 'The head’s ID number is not valid' });
      continue;
    }
    const t = targets.get(refString(ref));
    if (!t || !canWriteRegistry(actor, t.regionCode)) {
      fail(s.row, refKey, 'household.not_found', {
        zh: '在您的管辖范围内找不到该家庭（在册）',
        en: 'No active household found in your area',
      });
      continue;
    }
    s.householdId = t.id;
    if (s.data.year === null) continue;
    const key = `${t.id}:${s.data.year}`;
    const first = seen.get(key);
    if (first !== undefined)
      fail(s.row, refKey, 'household.duplicate_in_file', {
        zh: `与第 ${first} 行是同一家庭的同一年度`,
        en: `Same household and year as row ${first}`,
      });
    else seen.set(key, s.row);
  }
  errors.sort((a, b) => a.row - b.row);
  const base = { dryRun: !!opts.dryRun, rows: staged.length, errorCount, errors };
  if (errorCount > 0 || opts.dryRun) {
    progress.phase = 'done';
    report();
    return { ok: errorCount === 0, ...base, written: 0, created: 0, flagged: 0, ms: Date.now() - started };
  }
  progress.phase = 'write';
  progress.totalRows = staged.length;
  report();

  // ---- write all or nothing ----
  const fileHash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const byId = new Map([...targets.values()].map((t) => [t.id, t]));
  let created = 0;
  let flagged = 0;
  await deps.db.transaction(async (tx) => {
    const now = deps.now();
    await lockHouseholds(
      tx,
      staged.map((s) => s.householdId!),
    );
    for (const page of pagesOf(staged, opts.pageSize ?? PAGE_SIZE)) {
      const items: HouseholdYearWrite[] = page.map((s) => {
        const d = s.data;
        return {
          household: byId.get(s.householdId!)!,
          year: d.year!,
          input: {
            ...(d.asOf ? { asOf: d.asOf } : {}),
            econ: d.econ,
            housing: { grade: d.housingGrade },
            water: d.water,
            foodClothing: d.foodClothing,
          },
        };
      });
      const result = await saveHouseholdYears(tx, actor, items, now);
      created += result.created;
      flagged += result.flagged;
      progress.yearsWritten += page.length;
      report();
    }
    await audit(tx, actor, {
      action: 'household.economics_import',
      entity: 'household_year',
      entityId: null,
      after: { rows: staged.length, created, flagged, fileSha256: fileHash },
    });
  });
  await analyzeAfterBulkWrite(deps.database, ['household_years']);
  progress.phase = 'done';
  report();
  return { ok: true, ...base, written: staged.length, created, flagged, ms: Date.now() - started };
}

/**
 * The rows in file order, cut into pages of at most `size` that name each household at most once (a page
 * ends early before a household's second year): saveHouseholdYears then writes a page with the result of
 * writing its rows one by one.
 */
function* pagesOf(staged: readonly Staged[], size: number): Generator<Staged[]> {
  let page: Staged[] = [];
  let inPage = new Set<number>();
  for (const s of staged) {
    if (page.length >= size || inPage.has(s.householdId!)) {
      yield page;
      page = [];
      inPage = new Set();
    }
    page.push(s);
    inPage.add(s.householdId!);
  }
  if (page.length > 0) yield page;
}

const isInfo = (key: EconomicsKey) => key === 'headName' || key === 'village';

function refString(ref: NonNullable<EconomicsRow['ref']>): string {
  return ref.by === 'id'
    ? `id:${ref.id}`
    : ref.by === 'no'
      ? `no:${ref.householdNo}`
      : `head:${ref.idNumber}`;
}

/** Active households the rows name, keyed by refString (scope is checked by the caller). */
async function resolveHouseholds(deps: Deps, staged: Staged[]): Promise<Map<string, Target>> {
  const out = new Map<string, Target>();
  const cols = { id: households.id, countyCode: households.countyCode, regionCode: households.regionCode };
  const refs = staged.map((s) => s.data.ref).filter((r) => r !== null);
  const ids = [...new Set(refs.flatMap((r) => (r.by === 'id' ? [r.id] : [])))];
  const nos = [...new Set(refs.flatMap((r) => (r.by === 'no' ? [r.householdNo] : [])))];
  const heads = [...new Set(refs.flatMap((r) => (r.by === 'headId' ? [r.idNumber] : [])))];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await deps.db
      .select(cols)
      .from(households)
      .where(and(inArray(households.id, ids.slice(i, i + 5000)), eq(households.active, true)));
    for (const r of rows) out.set(`id:${r.id}`, r);
  }
  for (let i = 0; i < nos.length; i += 5000) {
    const rows = await deps.db
      .select({ ...cols, no: households.householdNo })
      .from(households)
      .where(and(inArray(households.householdNo, nos.slice(i, i + 5000)), eq(households.active, true)));
    for (const r of rows) out.set(`no:${r.no}`, r);
  }
  const asOf = todayIso(deps.now());
  const hashToId = new Map<string, string>();
  for (const id of heads) {
    const p = parseIdNumber(id, { asOf });
    if (p.ok) hashToId.set(deps.pii.hash(p.value.normalized), id);
  }
  const hashes = [...hashToId.keys()];
  for (let i = 0; i < hashes.length; i += 5000) {
    const rows = await deps.db
      .select({ ...cols, idHash: householdMembers.idHash })
      .from(householdMembers)
      .innerJoin(households, eq(households.id, householdMembers.householdId))
      .where(
        and(
          inArray(householdMembers.idHash, hashes.slice(i, i + 5000)),
          eq(householdMembers.active, true),
          eq(householdMembers.relation, 'head'),
          eq(households.active, true),
        ),
      );
    for (const r of rows) out.set(`head:${hashToId.get(r.idHash)}`, r);
  }
  return out;
}
