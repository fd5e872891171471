import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { LEDGER_SHEET, headerOf } from '../../../core/households/ledger';
import { todayIso } from '../../../core/identity/dates';
import { audit } from '../../audit/audit';
import { analyzeAfterBulkWrite, copyRows, type CopyValue, type DbOrTx, type Tx } from '../../db/client';
import { regions } from '../../db/schema';
import type { Deps } from '../../deps';
import { piiKeyRingOf } from '../../pii/pii';
import {
  issue,
  prepareLedgerRows,
  prepareLedgerRowsInWorker,
  type ImportIssue,
  type PreparedRow,
  type RowContext,
} from './ledger-rows';
import { requireImporter } from './upload';

export type { ImportIssue };

export interface ImportProgress {
  /** validate: reading the file (rows are validated and, while the file is clean, written as they come);
   *  write: the file is read, the last rows, the households' timeline and the audit row are written. */
  phase: 'validate' | 'write' | 'done';
  rowsRead: number;
  /** Known once the whole file is read. */
  totalRows: number | null;
  /** Members written so far inside the import's (not yet committed) transaction. */
  membersWritten: number;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  households: number;
  members: number;
  errorCount: number;
  /** The first MAX_REPORTED errors, in file order. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
  ms: number;
}

const MAX_REPORTED = 1000;
/** Rows per write: checked against the database, then bulk-written (COPY on PGlite). */
const CHUNK = 5000;
/**
 * Files from this size (about 2,000 rows) are read in a worker thread, beside the database writes; a
 * smaller file is done before a worker would have started (~0.5 s to load its modules).
 */
const WORKER_MIN_BYTES = 512 * 1024;

export interface ImportOptions {
  dryRun?: boolean;
  /** Awaited: a listener may hold the import at a phase (a test pauses it inside its transaction). */
  onProgress?: (p: ImportProgress) => unknown;
  /** Rows per database round (default 5,000); tests use a few rows to cross write boundaries. */
  chunkRows?: number;
  /** Read and prepare the rows in a worker thread (default: for files from WORKER_MIN_BYTES). */
  worker?: boolean;
}

interface Group {
  /** households.id, reserved from the sequence when the group is first seen (0 when nothing is written). */
  id: number;
  firstRow: number;
  headRow: number | null;
  heads: number;
  size: number;
  regionCode: string;
  declaredSize: number | null;
  /** The head row's household fields, kept until the household row is written. */
  household: (PreparedRow & { kind: 'row' })['household'] | null;
  headName: string;
  /** Union of the members' R12 groups, until the household row is written. */
  deep: Set<string>;
  /** The members' names in row order, written with the household row (households.member_names). */
  names: string[];
  written: boolean;
}

const HOUSEHOLD_COLS = [
  'id',
  'county_code',
  'region_code',
  'household_no',
  'village_group',
  'address',
  'head_name',
  'phone_cipher',
  'bank_name',
  'bank_account_cipher',
  'attribute',
  'poverty_exit_flag',
  'monitoring_status',
  'monitoring_type',
  'monitoring_since',
  'special_hardship',
  'assist_person',
  'deep_groups',
  'member_names',
  'created_at',
  'updated_at',
] as const;

const MEMBER_COLS = [
  'household_id',
  'county_code',
  'name',
  'id_cipher',
  'id_hash',
  'id_masked',
  'birth_date',
  'sex',
  'relation',
  'ethnicity',
  'education',
  'schooling',
  'health',
  'disability_category',
  'disability_grade',
  'disability_cert_cipher',
  'labour',
  'work_status',
  'work_months',
  'work_place',
  'medical_insurance',
  'critical_illness_insurance',
  'pension_insurance',
  'phone_cipher',
  'deep_groups',
  'sort',
] as const;

const EVENT_COLS = [
  'household_id',
  'county_code',
  'at',
  'actor_id',
  'actor_username',
  'kind',
  'summary',
] as const;
const EVENT_SUMMARY = JSON.stringify({ zh: '由台账导入登记', en: 'Registered by ledger import' });

/** Thrown inside the transaction to roll it back when the file turned out to have errors. */
class RollBack extends Error {}

async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Imports households and members from an .xlsx ledger (R10 registry) in ONE streaming pass, all or
 * nothing. Each row is validated (ID numbers, codes, duplicates in the file, one head per household,
 * scope); every CHUNK rows the new ID numbers and household numbers are checked against the database
 * (persons already in an active household, numbers already registered) and, while no error has been
 * found, the rows are encrypted and bulk-written (COPY on PGlite) inside one transaction. After the
 * first error nothing more is written but every row is still checked, so the report lists every located
 * error; the transaction is then rolled back. Household ids come from the sequence in blocks, so member
 * rows reference their household before its row is written; a household row is written once its group
 * of rows has ended and its head was seen.
 */
export async function importHouseholds(
  deps: Deps,
  actor: Actor,
  file: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  requireImporter(actor);
  const villages = new Set(
    (
      await deps.db
        .select({ code: regions.code })
        .from(regions)
        .where(and(eq(regions.level, 'village'), eq(regions.tree, 'district')))
    ).map((r) => r.code),
  );
  if (opts.dryRun) return run(deps, actor, file, villages, null, opts, started);
  let result: ImportReport | null = null;
  try {
    await deps.db.transaction(async (tx) => {
      result = await run(deps, actor, file, villages, tx, opts, started);
      if (!result.ok) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  // The members' statistics only for the columns their plans filter on: the full analysis (statistics
  // of every ciphertext and name column of the sampled rows) took 268 ms of the 10k import's ~5.5 s on
  // PGlite. id_hash is one of them: without its statistics a search by ID number (an `exists` on
  // id_hash, any member, active or not) walked the households: p50 147 ms at 100k instead of ~5 ms.
  if (result!.ok)
    await analyzeAfterBulkWrite(deps.database, [
      'households',
      'household_members (household_id, active, id_hash)',
      'household_events',
    ]);
  return result!;
}

async function run(
  deps: Deps,
  actor: Actor,
  file: string,
  villages: Set<string>,
  tx: Tx | null,
  opts: ImportOptions,
  started: number,
): Promise<ImportReport> {
  const q: DbOrTx = tx ?? deps.db;
  const chunk = opts.chunkRows ?? CHUNK;
  const kind = deps.database.kind;
  const now = deps.now().toISOString();
  const asOf = todayIso(deps.now());
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  const warnings: ImportIssue[] = [];
  const fail = (i: ImportIssue) => {
    errorCount += 1;
    if (errors.length < MAX_REPORTED) errors.push(i);
  };
  const progress: ImportProgress = { phase: 'validate', rowsRead: 0, totalRows: null, membersWritten: 0 };
  const report = async () => {
    await opts.onProgress?.({ ...progress });
  };
  /** Rows are written while this holds: a transaction and no error so far. */
  const writing = () => tx !== null && errorCount === 0;

  const hashes = new Map<string, number>(); // id hash → first row
  const groups = new Map<string, Group>();
  // Since the last flush: new ID hashes and household numbers to check against the database, rows to write.
  let newHashes: string[] = [];
  let newNumbers: string[] = [];
  let pendingMembers: { group: Group; values: CopyValue[] }[] = [];
  let closed: Group[] = [];
  const reopened = new Set<number>();
  let ids: number[] = [];

  const reserveId = async (): Promise<number> => {
    if (ids.length === 0) {
      const res = await tx!.execute<{ id: string | number }>(
        sql`select nextval(pg_get_serial_sequence('households', 'id')) as id from generate_series(1, 1000)`,
      );
      ids = (res as unknown as { rows: { id: string | number }[] }).rows.map((r) => Number(r.id)).reverse();
    }
    return ids.pop()!;
  };

  const flush = async () => {
    if (newHashes.length > 0) {
      const res = await q.execute<{ id_hash: string }>(
        sql`select id_hash from household_members where active and id_hash = any(${sql.param(newHashes)}::text[])`,
      );
      for (const e of (res as unknown as { rows: { id_hash: string }[] }).rows)
        fail(
          issue(sheetName, hashes.get(e.id_hash)!, headerOf('idNumber'), 'member.duplicate_id', {
            zh: '该证件号码已在一个在册家庭中，一人只能在一个在册家庭',
            en: 'This person is already in an active household',
          }),
        );
      newHashes = [];
    }
    if (newNumbers.length > 0) {
      const res = await q.execute<{ household_no: string }>(
        sql`select household_no from households where active and household_no = any(${sql.param(newNumbers)}::text[])`,
      );
      for (const e of (res as unknown as { rows: { household_no: string }[] }).rows)
        fail(
          issue(
            sheetName,
            groups.get(`no:${e.household_no}`)!.firstRow,
            headerOf('householdNo'),
            'household.exists',
            { zh: '该户编号已登记', en: 'This household number is already registered' },
          ),
        );
      newNumbers = [];
    }
    if (!writing()) {
      pendingMembers = [];
      closed = [];
      return;
    }
    // Households whose rows have ended and whose head was seen, then the members of written households.
    const hh: CopyValue[][] = [];
    const events: CopyValue[][] = [];
    const stillOpen: Group[] = [];
    for (const g of closed) {
      if (g.written) continue;
      if (!g.household || g.heads !== 1) {
        stillOpen.push(g);
        continue;
      }
      const h = g.household;
      const monitored = !!h.monitoringType;
      const special = h.attribute === '特困供养户';
      if (special) g.deep.add('specialHardship');
      const county = h.regionCode.slice(0, 6);
      hh.push([
        g.id,
        county,
        h.regionCode,
        h.householdNo ?? null,
        h.villageGroup ?? null,
        h.address ?? null,
        g.headName,
        h.phoneCipher,
        h.bankName ?? null,
        h.bankAccountCipher,
        h.attribute,
        h.povertyExitFlag ?? null,
        monitored ? 'monitored' : 'none',
        h.monitoringType ?? null,
        monitored ? (h.monitoringSince ?? null) : null,
        special,
        h.assistPerson ?? null,
        JSON.stringify([...g.deep].sort()),
        // As the member trigger would set it ('|'-joined in sort order), so the trigger finds nothing to
        // change; the members of a household reopened later in the file are added by the trigger.
        g.names.join('|'),
        now,
        now,
      ]);
      events.push([g.id, county, now, actor.id, actor.username, 'household.import', EVENT_SUMMARY]);
      g.written = true;
      g.household = null;
      g.deep = new Set();
      g.names = [];
    }
    closed = stillOpen;
    await copyRows(kind, tx!, 'households', HOUSEHOLD_COLS, hh);
    await copyRows(kind, tx!, 'household_events', EVENT_COLS, events);
    const ready: CopyValue[][] = [];
    const waiting: typeof pendingMembers = [];
    for (const m of pendingMembers) {
      if (m.group.written) ready.push(m.values);
      else waiting.push(m);
    }
    pendingMembers = waiting;
    await copyRows(kind, tx!, 'household_members', MEMBER_COLS, ready);
    progress.membersWritten += ready.length;
  };

  const ctx: RowContext = { villages, actor, asOf, pii: deps.pii };
  const keys = piiKeyRingOf(deps.pii);
  if (opts.worker && !keys) throw new Error('import: a worker needs the key ring (a Pii made by createPii)');
  const inWorker = keys !== null && (opts.worker ?? fs.statSync(file).size >= WORKER_MIN_BYTES);
  const prepared = inWorker ? prepareLedgerRowsInWorker(file, ctx, keys) : prepareLedgerRows(file, ctx);

  let header = false;
  let sheetName = LEDGER_SHEET;
  let current: Group | null = null;
  let currentKey: string | null = null;
  let rows = 0;
  for await (const r of prepared) {
    sheetName = r.sheet;
    if (r.kind === 'header') {
      header = true;
      for (const i of r.issues) fail(i);
      continue;
    }
    rows += 1;
    progress.rowsRead = rows;
    if (rows % chunk === 0) {
      await flush();
      await report();
    }
    for (const i of r.issues) fail(i);
    const h = r.household;
    let key: string;
    if (h.householdNo) key = `no:${h.householdNo}`;
    else if (r.isHead || currentKey === null || currentKey.startsWith('no:')) key = `row:${r.number}`;
    else key = currentKey;
    if (key !== currentKey && current) closed.push(current);
    currentKey = key;
    let g = groups.get(key);
    if (!g) {
      g = {
        id: writing() ? await reserveId() : 0,
        firstRow: r.number,
        headRow: null,
        heads: 0,
        size: 0,
        regionCode: h.regionCode,
        declaredSize: null,
        household: null,
        headName: '',
        deep: new Set(),
        names: [],
        written: false,
      };
      groups.set(key, g);
      if (h.householdNo) newNumbers.push(h.householdNo);
    } else if (g.written) reopened.add(g.id);
    current = g;
    const sort = g.size;
    g.size += 1;
    if (g.regionCode !== h.regionCode)
      fail(
        issue(sheetName, r.number, headerOf('regionCode'), 'household.region_mismatch', {
          zh: '同一户的成员行政区划代码不一致',
          en: 'Members of one household have different division codes',
        }),
      );
    if (r.isHead) {
      g.heads += 1;
      g.headRow = r.number;
      g.household = h;
      g.declaredSize = h.declaredSize ?? null;
      g.headName = r.headName;
    }
    const m = r.member;
    if (!m) continue;
    const first = hashes.get(m.hash);
    if (first !== undefined) {
      fail(
        issue(sheetName, r.number, headerOf('idNumber'), 'member.duplicate_in_file', {
          zh: `证件号码与第 ${first} 行重复`,
          en: `Same ID number as row ${first}`,
        }),
      );
      continue;
    }
    hashes.set(m.hash, r.number);
    newHashes.push(m.hash);
    if (!writing() || g.id === 0) continue;
    for (const d of m.deep) g.deep.add(d);
    g.names.push(m.values[0] as string);
    pendingMembers.push({ group: g, values: [g.id, h.regionCode.slice(0, 6), ...m.values, sort] });
  }
  if (!header && errorCount === 0)
    fail(issue(sheetName, 1, '', 'file.empty', { zh: '文件中没有表头行', en: 'The file has no header row' }));

  progress.phase = 'write';
  progress.totalRows = rows;
  await report();
  if (current) closed.push(current);
  for (const g of groups.values()) {
    if (g.heads !== 1)
      fail(
        issue(sheetName, g.firstRow, headerOf('relation'), 'household.one_head', {
          zh: `该户有 ${g.heads} 名户主，每户必须有且只有一名`,
          en: `The household has ${g.heads} heads; exactly one is needed`,
        }),
      );
    if (g.declaredSize && g.declaredSize !== g.size)
      warnings.push(
        issue(sheetName, g.headRow ?? g.firstRow, headerOf('declaredSize'), 'household.size_mismatch', {
          zh: `家庭人口数填 ${g.declaredSize}，实际成员 ${g.size} 人；以成员为准`,
          en: `Declared size ${g.declaredSize}, ${g.size} member rows; the members count`,
        }),
      );
  }
  // The last rows: checked against the database, then written if the whole file is clean.
  await flush();
  if (writing() && reopened.size > 0) {
    // Rows of a household that came back after its row was written: its R12 groups again, in SQL.
    const arr = sql.param([...reopened]);
    await tx!.execute(sql`
      update households set deep_groups = coalesce((
        select jsonb_agg(distinct g order by g) from (
          select g from household_members m cross join lateral jsonb_array_elements_text(m.deep_groups) as g
          where m.household_id = households.id and m.active
          union select 'specialHardship' where households.special_hardship) x), '[]'::jsonb)
      where id = any(${arr}::bigint[])`);
  }
  errors.sort((a, b) => a.row - b.row);
  const base = { dryRun: !!opts.dryRun, rows, households: groups.size, errorCount, errors, warnings };
  if (errorCount > 0 || !tx) {
    progress.phase = 'done';
    await report();
    return { ok: errorCount === 0, ...base, members: errorCount === 0 ? rows : 0, ms: Date.now() - started };
  }
  await audit(tx, actor, {
    action: 'household.import',
    entity: 'household',
    entityId: null,
    after: {
      households: groups.size,
      members: rows,
      fileSha256: await sha256File(file),
      warnings: warnings.length,
    },
  });
  progress.phase = 'done';
  progress.membersWritten = rows;
  await report();
  return { ok: true, ...base, members: rows, ms: Date.now() - started };
}
