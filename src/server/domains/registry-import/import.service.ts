import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import {
  LEDGER_SHEET,
  headerOf,
  matchHeaders,
  parseLedgerRow,
  type LedgerHousehold,
} from '../../../core/households/ledger';
import { memberDeepGroups, prepareMember } from '../../../core/households/member';
import { todayIso } from '../../../core/identity/dates';
import { maskIdNumber } from '../../../core/identity/mask';
import type { LocalizedText } from '../../../core/identity/result';
import { audit } from '../../audit/audit';
import { copyRows, type CopyValue, type DbOrTx, type Tx } from '../../db/client';
import { regions } from '../../db/schema';
import type { Deps } from '../../deps';
import { canWriteRegistry } from '../households/households.policy';
import { requireImporter } from './upload';
import { readSheetRows } from './xlsx-reader';

/** One located problem: sheet, row, column, reason (ARCHITECTURE "Nothing lost"). */
export interface ImportIssue {
  path: string;
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: LocalizedText;
}

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

export interface ImportOptions {
  dryRun?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Rows per database round (default 5,000); tests use a few rows to cross write boundaries. */
  chunkRows?: number;
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
  household: LedgerHousehold | null;
  headName: string;
  /** Union of the members' R12 groups, until the household row is written. */
  deep: Set<string>;
  written: boolean;
}

function issue(
  sheet: string,
  row: number,
  column: string,
  code: string,
  message: LocalizedText,
): ImportIssue {
  return { path: `${sheet}!${row}:${column}`, sheet, row, column, code, message };
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
  const report = () => opts.onProgress?.({ ...progress });
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
        h.phone ? deps.pii.encrypt(h.phone) : null,
        h.bankName ?? null,
        h.bankAccount ? deps.pii.encrypt(h.bankAccount) : null,
        h.attribute,
        h.povertyExitFlag ?? null,
        monitored ? 'monitored' : 'none',
        h.monitoringType ?? null,
        monitored ? (h.monitoringSince ?? null) : null,
        special,
        h.assistPerson ?? null,
        JSON.stringify([...g.deep].sort()),
        now,
        now,
      ]);
      events.push([g.id, county, now, actor.id, actor.username, 'household.import', EVENT_SUMMARY]);
      g.written = true;
      g.household = null;
      g.deep = new Set();
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

  let columns: Map<number, string> | null = null;
  let sheetName = LEDGER_SHEET;
  let current: Group | null = null;
  let currentKey: string | null = null;
  let rows = 0;
  for await (const { sheet, row } of readSheetRows(file, LEDGER_SHEET)) {
    sheetName = sheet;
    if (!columns) {
      const m = matchHeaders(row.values.slice(1));
      if (m.missing.length > 0) {
        for (const c of m.missing)
          fail(
            issue(sheet, row.number, c.header, 'header.missing', {
              zh: `缺少必填列「${c.header}」`,
              en: `Missing required column ${c.header}`,
            }),
          );
        break;
      }
      columns = new Map([...m.columns].map(([i, k]) => [i + 1, k]));
      continue;
    }
    const cells = new Map<string, unknown>();
    let empty = true;
    for (const [i, key] of columns) {
      const v = row.values[i];
      if (v !== undefined && v !== null && v !== '') empty = false;
      cells.set(key, v);
    }
    if (empty) continue;
    rows += 1;
    progress.rowsRead = rows;
    if (rows % chunk === 0) {
      await flush();
      report();
    }
    const parsed = parseLedgerRow(cells);
    for (const p of parsed.problems) fail(issue(sheet, row.number, p.column, p.code, p.message));
    const h = parsed.household;
    if (/^\d{12}$/.test(h.regionCode)) {
      if (!villages.has(h.regionCode))
        fail(
          issue(sheet, row.number, headerOf('regionCode'), 'region.not_village', {
            zh: '行政区划代码不是本区的村(社区)',
            en: 'Not a village of the district',
          }),
        );
      else if (!canWriteRegistry(actor, h.regionCode))
        fail(
          issue(sheet, row.number, headerOf('regionCode'), 'forbidden', {
            zh: '该村(社区)不在您的管辖范围内',
            en: 'This village is outside your area',
          }),
        );
    }
    const isHead = parsed.member?.relation === 'head' || cells.get('relation') === '户主';
    let key: string;
    if (h.householdNo) key = `no:${h.householdNo}`;
    else if (isHead || currentKey === null || currentKey.startsWith('no:')) key = `row:${row.number}`;
    else key = currentKey;
    if (key !== currentKey && current) closed.push(current);
    currentKey = key;
    let g = groups.get(key);
    if (!g) {
      g = {
        id: writing() ? await reserveId() : 0,
        firstRow: row.number,
        headRow: null,
        heads: 0,
        size: 0,
        regionCode: h.regionCode,
        declaredSize: null,
        household: null,
        headName: '',
        deep: new Set(),
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
        issue(sheet, row.number, headerOf('regionCode'), 'household.region_mismatch', {
          zh: '同一户的成员行政区划代码不一致',
          en: 'Members of one household have different division codes',
        }),
      );
    if (isHead) {
      g.heads += 1;
      g.headRow = row.number;
      g.household = h;
      g.declaredSize = h.declaredSize ?? null;
      g.headName = parsed.member?.name ?? '';
    }
    if (!parsed.member) continue;
    const prepared = prepareMember(parsed.member, asOf);
    if (!prepared.ok) {
      for (const p of prepared.problems) fail(issue(sheet, row.number, headerOf(p.field), p.code, p.message));
      continue;
    }
    const p = prepared.value;
    const hash = deps.pii.hash(p.idNormalized);
    const first = hashes.get(hash);
    if (first !== undefined) {
      fail(
        issue(sheet, row.number, headerOf('idNumber'), 'member.duplicate_in_file', {
          zh: `证件号码与第 ${first} 行重复`,
          en: `Same ID number as row ${first}`,
        }),
      );
      continue;
    }
    hashes.set(hash, row.number);
    newHashes.push(hash);
    if (!writing() || g.id === 0) continue;
    const m = parsed.member;
    const deep = memberDeepGroups(
      {
        id: 0,
        relation: m.relation,
        birthDate: p.birthDate,
        health: m.health,
        disabilityCategory: p.disability?.category ?? null,
        disabilityGrade: p.disability?.grade ?? null,
        labour: m.labour,
        schooling: m.schooling ?? null,
        outOfSchoolForHealth: false,
        medicalInsurance: m.medicalInsurance,
        criticalIllnessInsurance: m.criticalIllnessInsurance,
        familyDoctor: null,
        specialHardship: false,
        hasLegalSupporter: null,
      },
      [],
    );
    for (const d of deep) g.deep.add(d);
    pendingMembers.push({
      group: g,
      values: [
        g.id,
        h.regionCode.slice(0, 6),
        m.name,
        deps.pii.encrypt(p.idNormalized),
        hash,
        maskIdNumber(p.idNormalized),
        p.birthDate,
        p.sex,
        m.relation,
        m.ethnicity ?? null,
        m.education ?? null,
        m.schooling ?? null,
        m.health,
        p.disability?.category ?? null,
        p.disability?.grade ?? null,
        p.disability ? deps.pii.encrypt(p.disability.certificate) : null,
        m.labour,
        m.workStatus ?? null,
        m.workMonths ?? null,
        m.workPlace ?? null,
        m.medicalInsurance,
        m.criticalIllnessInsurance,
        m.pensionInsurance ?? null,
        p.phone ? deps.pii.encrypt(p.phone) : null,
        JSON.stringify(deep),
        sort,
      ],
    });
  }
  if (!columns && errorCount === 0)
    fail(issue(sheetName, 1, '', 'file.empty', { zh: '文件中没有表头行', en: 'The file has no header row' }));

  progress.phase = 'write';
  progress.totalRows = rows;
  report();
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
    report();
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
  report();
  return { ok: true, ...base, members: rows, ms: Date.now() - started };
}
