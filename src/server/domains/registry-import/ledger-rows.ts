import { Worker } from 'node:worker_threads';
import type { Actor } from '../../../core/accounts/scope';
import {
  headerOf,
  LEDGER_SHEET,
  matchHeaders,
  parseLedgerRow,
  type LedgerHousehold,
} from '../../../core/households/ledger';
import { memberDeepGroups, prepareMember } from '../../../core/households/member';
import { maskIdNumber } from '../../../core/identity/mask';
import type { LocalizedText } from '../../../core/identity/result';
import type { CopyValue } from '../../db/client';
import type { Pii, PiiKeyRing } from '../../pii/pii';
import { canWriteRegistry } from '../households/households.policy';
import type { LedgerWorkerData, LedgerWorkerMessage } from './ledger-rows.worker';
import { readSheetRows } from './xlsx-reader';

/** The worker's heap ceiling: its live data is a few batches of rows and the file's shared strings. */
const WORKER_HEAP_MB = 128;

/** One located problem: sheet, row, column, reason (ARCHITECTURE "Nothing lost"). */
export interface ImportIssue {
  path: string;
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: LocalizedText;
}

export function issue(
  sheet: string,
  row: number,
  column: string,
  code: string,
  message: LocalizedText,
): ImportIssue {
  return { path: `${sheet}!${row}:${column}`, sheet, row, column, code, message };
}

/** What a ledger row needs besides itself: the district's villages, the importer, the day, the keys. */
export interface RowContext {
  villages: ReadonlySet<string>;
  actor: Actor;
  asOf: string;
  pii: Pick<Pii, 'encrypt' | 'hash'>;
}

/** The member part of a prepared row: its keyed hash, its R12 groups and its columns for COPY. */
export interface PreparedMemberRow {
  hash: string;
  deep: string[];
  /** The household_members columns after household_id and county_code, before sort (see MEMBER_COLS). */
  values: CopyValue[];
}

/**
 * One ledger row, checked on its own and ready to write: everything that does not depend on the other
 * rows or on the database (those checks — households, duplicates, persons already registered — are the
 * import's). Personal data is already encrypted, hashed and masked; the clear text never leaves here.
 */
export type PreparedRow =
  | { kind: 'header'; sheet: string; number: number; issues: ImportIssue[] }
  | {
      kind: 'row';
      sheet: string;
      number: number;
      /** Problems of this row alone (cells, division code, scope, ID number, certificate). */
      issues: ImportIssue[];
      household: Omit<LedgerHousehold, 'phone' | 'bankAccount'> & {
        phoneCipher: string | null;
        bankAccountCipher: string | null;
      };
      isHead: boolean;
      headName: string;
      /** Null when the row has no valid member (its problems are in `issues`). */
      member: PreparedMemberRow | null;
    };

/**
 * The rows of a ledger file, prepared one by one (a pure function of the row and the context, so it
 * can run in a worker thread beside the database writes). A header row with missing columns yields
 * one `header` item with its issues and ends the file.
 */
export async function* prepareLedgerRows(file: string, ctx: RowContext): AsyncGenerator<PreparedRow> {
  let columns: Map<number, string> | null = null;
  for await (const { sheet, row } of readSheetRows(file, LEDGER_SHEET)) {
    if (!columns) {
      const m = matchHeaders(row.values.slice(1));
      const issues = m.missing.map((c) =>
        issue(sheet, row.number, c.header, 'header.missing', {
          zh: `缺少必填列「${c.header}」`,
          en: `Missing required column ${c.header}`,
        }),
      );
      yield { kind: 'header', sheet, number: row.number, issues };
      if (issues.length > 0) return;
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
    yield prepareRow(sheet, row.number, cells, ctx);
  }
}

function prepareRow(
  sheet: string,
  number: number,
  cells: Map<string, unknown>,
  ctx: RowContext,
): PreparedRow & { kind: 'row' } {
  const parsed = parseLedgerRow(cells);
  const issues = parsed.problems.map((p) => issue(sheet, number, p.column, p.code, p.message));
  const h = parsed.household;
  if (/^\d{12}$/.test(h.regionCode)) {
    if (!ctx.villages.has(h.regionCode))
      issues.push(
        issue(sheet, number, headerOf('regionCode'), 'region.not_village', {
          zh: '行政区划代码不是本区的村(社区)',
          en: 'Not a village of the district',
        }),
      );
    else if (!canWriteRegistry(ctx.actor, h.regionCode))
      issues.push(
        issue(sheet, number, headerOf('regionCode'), 'forbidden', {
          zh: '该村(社区)不在您的管辖范围内',
          en: 'This village is outside your area',
        }),
      );
  }
  const isHead = parsed.member?.relation === 'head' || cells.get('relation') === '户主';
  // Only the head's row carries the household's fields (phone and bank account encrypted here).
  const { phone, bankAccount, ...rest } = h;
  const household = {
    ...rest,
    phoneCipher: isHead && phone ? ctx.pii.encrypt(phone) : null,
    bankAccountCipher: isHead && bankAccount ? ctx.pii.encrypt(bankAccount) : null,
  };
  const base = { kind: 'row' as const, sheet, number, issues, household, isHead };
  const m = parsed.member;
  if (!m) return { ...base, headName: '', member: null };
  const prepared = prepareMember(m, ctx.asOf);
  if (!prepared.ok) {
    for (const p of prepared.problems)
      issues.push(issue(sheet, number, headerOf(p.field), p.code, p.message));
    return { ...base, headName: m.name, member: null };
  }
  const p = prepared.value;
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
  const values: CopyValue[] = [
    m.name,
    ctx.pii.encrypt(p.idNormalized),
    ctx.pii.hash(p.idNormalized),
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
    p.disability ? ctx.pii.encrypt(p.disability.certificate) : null,
    m.labour,
    m.workStatus ?? null,
    m.workMonths ?? null,
    m.workPlace ?? null,
    m.medicalInsurance,
    m.criticalIllnessInsurance,
    m.pensionInsurance ?? null,
    p.phone ? ctx.pii.encrypt(p.phone) : null,
    JSON.stringify(deep),
  ];
  return { ...base, headName: m.name, member: { hash: values[2] as string, deep, values } };
}

/**
 * Rows per message from the worker, and how many messages it may send ahead of the import: more than
 * the import's write chunk (5,000 rows), so the worker goes on preparing while a chunk's COPY holds this
 * thread (with 4 it stalled after 2,000 rows and the import then waited for it). A message of prepared
 * rows is ~0.5–1 MB.
 */
const WORKER_BATCH_ROWS = 500;
const WORKER_BATCHES_AHEAD = 12;

/**
 * The same rows as prepareLedgerRows, prepared in a worker thread: reading, checking and encrypting
 * run on the second core while this thread writes to the database (PGlite runs in this thread, so a
 * COPY here blocks it). The worker's heap is capped; its rows come in batches with back-pressure.
 */
export async function* prepareLedgerRowsInWorker(
  file: string,
  ctx: RowContext,
  keys: { ring: PiiKeyRing; hashKeyId: string },
): AsyncGenerator<PreparedRow> {
  const data: LedgerWorkerData = {
    file,
    villages: [...ctx.villages],
    actor: ctx.actor,
    asOf: ctx.asOf,
    ring: keys.ring,
    hashKeyId: keys.hashKeyId,
    batchRows: WORKER_BATCH_ROWS,
    maxBatchesAhead: WORKER_BATCHES_AHEAD,
  };
  const worker = new Worker(new URL('./ledger-rows.worker.mjs', import.meta.url), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
  });
  const inbox: LedgerWorkerMessage[] = [];
  let failure: Error | null = null;
  let ended = false;
  let notify: (() => void) | null = null;
  const wake = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (m: LedgerWorkerMessage) => {
    inbox.push(m);
    wake();
  });
  worker.on('error', (e) => {
    failure = e;
    wake();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`ledger worker stopped (exit code ${code})`);
    ended = true;
    wake();
  });
  try {
    for (;;) {
      const m = inbox.shift();
      if (m?.type === 'end') return;
      if (m) {
        worker.postMessage('ack');
        yield* m.rows;
        continue;
      }
      if (failure) throw failure;
      if (ended) throw new Error('ledger worker stopped before the end of the file');
      await new Promise<void>((resolve) => (notify = resolve));
    }
  } finally {
    await worker.terminate();
  }
}
