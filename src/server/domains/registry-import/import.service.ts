import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
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
import type { Tx } from '../../db/client';
import { householdMembers, households, regions } from '../../db/schema';
import type { Deps } from '../../deps';
import { canWriteRegistry } from '../households/households.policy';
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
  phase: 'validate' | 'write' | 'done';
  rowsRead: number;
  /** Known after the validation pass. */
  totalRows: number | null;
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
const BATCH = 1000;

interface Group {
  firstRow: number;
  headRow: number | null;
  heads: number;
  size: number;
  household: LedgerHousehold | null;
  headName: string;
  regionCode: string;
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

/**
 * Imports households and members from an .xlsx ledger (R10 registry): pass 1 streams and validates
 * every row (ID numbers, codes, duplicates in the file and against active members, one head per
 * household, scope); pass 2 runs only when nothing is wrong and writes everything in one transaction,
 * with raw multi-row INSERTs. A file with any error changes nothing.
 */
export async function importHouseholds(
  deps: Deps,
  actor: Actor,
  file: string,
  opts: { dryRun?: boolean; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const started = Date.now();
  if (actor.role !== 'admin' && actor.role !== 'town' && actor.role !== 'village')
    throw new AppError('forbidden');
  const asOf = todayIso(deps.now());
  const villages = new Map(
    (
      await deps.db
        .select({ code: regions.code })
        .from(regions)
        .where(and(eq(regions.level, 'village'), eq(regions.tree, 'district')))
    ).map((r) => [r.code, true]),
  );
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  const warnings: ImportIssue[] = [];
  const fail = (i: ImportIssue) => {
    errorCount += 1;
    if (errors.length < MAX_REPORTED) errors.push(i);
  };
  const progress: ImportProgress = { phase: 'validate', rowsRead: 0, totalRows: null, membersWritten: 0 };
  const report = () => opts.onProgress?.({ ...progress });

  // ---- pass 1: validate every row ----
  const hashes = new Map<string, number>(); // id hash → first row
  const groups = new Map<string, Group>();
  const numbers = new Set<string>();
  let columns: Map<number, string> | null = null;
  let sheetName = LEDGER_SHEET;
  let current: string | null = null;
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
    if (rows % 5000 === 0) report();
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
    else if (isHead || current === null || current.startsWith('no:')) key = `row:${row.number}`;
    else key = current;
    current = key;
    let g = groups.get(key);
    if (!g) {
      g = {
        firstRow: row.number,
        headRow: null,
        heads: 0,
        size: 0,
        household: null,
        headName: '',
        regionCode: h.regionCode,
      };
      groups.set(key, g);
      if (h.householdNo) numbers.add(h.householdNo);
    }
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
      g.headName = parsed.member?.name ?? '';
    }
    if (!parsed.member) continue;
    const prepared = prepareMember(parsed.member, asOf);
    if (!prepared.ok) {
      for (const p of prepared.problems) fail(issue(sheet, row.number, headerOf(p.field), p.code, p.message));
      continue;
    }
    const hash = deps.pii.hash(prepared.value.idNormalized);
    const first = hashes.get(hash);
    if (first !== undefined)
      fail(
        issue(sheet, row.number, headerOf('idNumber'), 'member.duplicate_in_file', {
          zh: `证件号码与第 ${first} 行重复`,
          en: `Same ID number as row ${first}`,
        }),
      );
    else hashes.set(hash, row.number);
  }
  if (!columns && errorCount === 0)
    fail(issue(sheetName, 1, '', 'file.empty', { zh: '文件中没有表头行', en: 'The file has no header row' }));

  for (const g of groups.values()) {
    if (g.heads !== 1)
      fail(
        issue(sheetName, g.firstRow, headerOf('relation'), 'household.one_head', {
          zh: `该户有 ${g.heads} 名户主，每户必须有且只有一名`,
          en: `The household has ${g.heads} heads; exactly one is needed`,
        }),
      );
    const declared = g.household?.declaredSize;
    if (declared && declared !== g.size)
      warnings.push(
        issue(sheetName, g.headRow ?? g.firstRow, headerOf('declaredSize'), 'household.size_mismatch', {
          zh: `家庭人口数填 ${declared}，实际成员 ${g.size} 人；以成员为准`,
          en: `Declared size ${declared}, ${g.size} member rows; the members count`,
        }),
      );
  }
  // Against the database: persons already in an active household, household numbers already registered.
  const allHashes = [...hashes.keys()];
  for (let i = 0; i < allHashes.length; i += 5000) {
    const existing = await deps.db
      .select({ idHash: householdMembers.idHash })
      .from(householdMembers)
      .where(
        and(
          inArray(householdMembers.idHash, allHashes.slice(i, i + 5000)),
          eq(householdMembers.active, true),
        ),
      );
    for (const e of existing)
      fail(
        issue(sheetName, hashes.get(e.idHash)!, headerOf('idNumber'), 'member.duplicate_id', {
          zh: '该证件号码已在一个在册家庭中，一人只能在一个在册家庭',
          en: 'This person is already in an active household',
        }),
      );
  }
  const nos = [...numbers];
  for (let i = 0; i < nos.length; i += 5000) {
    const existing = await deps.db
      .select({ no: households.householdNo })
      .from(households)
      .where(and(inArray(households.householdNo, nos.slice(i, i + 5000)), eq(households.active, true)));
    for (const e of existing)
      fail(
        issue(sheetName, groups.get(`no:${e.no}`)!.firstRow, headerOf('householdNo'), 'household.exists', {
          zh: '该户编号已登记',
          en: 'This household number is already registered',
        }),
      );
  }
  errors.sort((a, b) => a.row - b.row);
  progress.totalRows = rows;
  const base = { dryRun: !!opts.dryRun, rows, households: groups.size, errorCount, errors, warnings };
  if (errorCount > 0 || opts.dryRun) {
    progress.phase = 'done';
    report();
    return { ok: errorCount === 0, ...base, members: errorCount === 0 ? rows : 0, ms: Date.now() - started };
  }

  // ---- pass 2: write all or nothing ----
  progress.phase = 'write';
  report();
  const fileHash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  await deps.db.transaction(async (tx) => {
    const ids = await insertHouseholds(tx, deps, groups);
    let batch: ReturnType<typeof memberRow>[] = [];
    const sort = new Map<number, number>();
    current = null;
    let written = 0;
    for await (const { row } of readSheetRows(file, LEDGER_SHEET)) {
      if (row.number === 1) continue;
      const cells = new Map<string, unknown>();
      let empty = true;
      for (const [i, key] of columns!) {
        const v = row.values[i];
        if (v !== undefined && v !== null && v !== '') empty = false;
        cells.set(key, v);
      }
      if (empty) continue;
      const parsed = parseLedgerRow(cells);
      const member = parsed.member!;
      const key: string = parsed.household.householdNo
        ? `no:${parsed.household.householdNo}`
        : member.relation === 'head' || current === null || current.startsWith('no:')
          ? `row:${row.number}`
          : current;
      current = key;
      const householdId = ids.get(key)!;
      const n = sort.get(householdId) ?? 0;
      sort.set(householdId, n + 1);
      const prepared = prepareMember(member, asOf);
      if (!prepared.ok) throw new Error('import: row changed between passes');
      batch.push(
        memberRow(deps, member, prepared.value, householdId, parsed.household.regionCode.slice(0, 6), n),
      );
      if (batch.length >= BATCH) {
        await insertMembers(tx, batch);
        written += batch.length;
        batch = [];
        progress.membersWritten = written;
        if (written % 5000 === 0) report();
      }
    }
    if (batch.length > 0) await insertMembers(tx, batch);
    const idList = [...ids.values()];
    for (let i = 0; i < idList.length; i += 10000) {
      const chunk = idList.slice(i, i + 10000);
      const arr = sql`array[${sql.join(
        chunk.map((x) => sql`${x}`),
        sql`, `,
      )}]::bigint[]`;
      // Household R12 groups = union of the members' groups (plus 特困供养户), in SQL.
      await tx.execute(sql`
        update ${households} set deep_groups = coalesce((
          select jsonb_agg(distinct g order by g) from (
            select g from ${householdMembers} m cross join lateral jsonb_array_elements_text(m.deep_groups) as g
            where m.household_id = households.id and m.active
            union select 'specialHardship' where households.special_hardship) x), '[]'::jsonb)
        where id = any(${arr})`);
      await tx.execute(sql`
        insert into household_events (household_id, county_code, at, actor_id, actor_username, kind, summary)
        select id, county_code, ${deps.now().toISOString()}::timestamptz, ${actor.id}, ${actor.username}, 'household.import',
          ${JSON.stringify({ zh: '由台账导入登记', en: 'Registered by ledger import' })}::jsonb
        from ${households} where id = any(${arr})`);
    }
    await audit(tx, actor, {
      action: 'household.import',
      entity: 'household',
      entityId: null,
      after: { households: groups.size, members: rows, fileSha256: fileHash, warnings: warnings.length },
    });
  });
  progress.phase = 'done';
  progress.membersWritten = rows;
  report();
  return { ok: true, ...base, members: rows, ms: Date.now() - started };
}

const HOUSEHOLD_COLS = sql.raw(
  'county_code, region_code, household_no, village_group, address, head_name, phone_cipher, bank_name, bank_account_cipher, attribute, poverty_exit_flag, monitoring_status, monitoring_type, monitoring_since, special_hardship, assist_person, created_at, updated_at',
);

async function insertHouseholds(
  tx: Tx,
  deps: Deps,
  groups: Map<string, Group>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const entries = [...groups.entries()];
  const now = deps.now().toISOString();
  for (let i = 0; i < entries.length; i += BATCH) {
    const chunk = entries.slice(i, i + BATCH);
    const values = chunk.map(([, g]) => {
      const h = g.household!;
      const monitored = !!h.monitoringType;
      return sql`(${h.regionCode.slice(0, 6)}, ${h.regionCode}, ${h.householdNo ?? null}, ${h.villageGroup ?? null}, ${h.address ?? null}, ${g.headName}, ${h.phone ? deps.pii.encrypt(h.phone) : null}, ${h.bankName ?? null}, ${h.bankAccount ? deps.pii.encrypt(h.bankAccount) : null}, ${h.attribute}, ${h.povertyExitFlag ?? null}, ${monitored ? 'monitored' : 'none'}, ${h.monitoringType ?? null}, ${monitored ? (h.monitoringSince ?? null) : null}, ${h.attribute === '特困供养户'}, ${h.assistPerson ?? null}, ${now}::timestamptz, ${now}::timestamptz)`;
    });
    const res = await tx.execute<{ id: string | number }>(
      sql`insert into ${households} (${HOUSEHOLD_COLS}) values ${sql.join(values, sql`, `)} returning id`,
    );
    const rows = (res as unknown as { rows: { id: string | number }[] }).rows;
    chunk.forEach(([key], j) => ids.set(key, Number(rows[j]!.id)));
  }
  return ids;
}

function memberRow(
  deps: Deps,
  m: ReturnType<typeof parseLedgerRow>['member'] & object,
  p: Extract<ReturnType<typeof prepareMember>, { ok: true }>['value'],
  householdId: number,
  countyCode: string,
  sort: number,
) {
  const facts = {
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
  };
  return sql`(${householdId}, ${countyCode}, ${m.name}, ${deps.pii.encrypt(p.idNormalized)}, ${deps.pii.hash(p.idNormalized)}, ${maskIdNumber(p.idNormalized)}, ${p.birthDate}, ${p.sex}, ${m.relation}, ${m.ethnicity ?? null}, ${m.education ?? null}, ${m.schooling ?? null}, ${m.health}, ${p.disability?.category ?? null}, ${p.disability?.grade ?? null}, ${p.disability ? deps.pii.encrypt(p.disability.certificate) : null}, ${m.labour}, ${m.workStatus ?? null}, ${m.workMonths ?? null}, ${m.workPlace ?? null}, ${m.medicalInsurance}, ${m.criticalIllnessInsurance}, ${m.pensionInsurance ?? null}, ${p.phone ? deps.pii.encrypt(p.phone) : null}, ${JSON.stringify(memberDeepGroups(facts, []))}::jsonb, ${sort})`;
}

const MEMBER_COLS = sql.raw(
  'household_id, county_code, name, id_cipher, id_hash, id_masked, birth_date, sex, relation, ethnicity, education, schooling, health, disability_category, disability_grade, disability_cert_cipher, labour, work_status, work_months, work_place, medical_insurance, critical_illness_insurance, pension_insurance, phone_cipher, deep_groups, sort',
);

async function insertMembers(tx: Tx, rows: ReturnType<typeof memberRow>[]): Promise<void> {
  await tx.execute(sql`insert into ${householdMembers} (${MEMBER_COLS}) values ${sql.join(rows, sql`, `)}`);
}
