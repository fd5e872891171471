// The import's progress poll answers while the import's transaction is open. On PGlite that transaction
// holds the one connection, so the poll must not need the database: its session comes from the
// in-memory session cache (SessionCache), which forgets a session the moment it ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticMember } from '../src/core/households/fixtures';
import { LEDGER_COLUMNS } from '../src/core/households/ledger';
import { mulberry32 } from '../src/core/identity/random';
import type * as ImportService from '../src/server/domains/registry-import/import.service';
import { SESSION_CACHE_TTL_MS } from '../src/server/domains/auth/session-cache';
import {
  VILLAGE_A1,
  createTestApp,
  login,
  seedRegions,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

/** Holds the ledger import when it reports the write phase, until the test lets it go. */
const hold = vi.hoisted(() => {
  const state = {
    active: false,
    reached: null as null | (() => void),
    release: null as null | (() => void),
    /** Arms the hold: resolves when the import is held in its write phase. */
    arm(): Promise<void> {
      state.active = true;
      return new Promise((r) => (state.reached = r));
    },
  };
  return state;
});

vi.mock('../src/server/domains/registry-import/import.service', async (importOriginal) => {
  const original = await importOriginal<typeof ImportService>();
  return {
    ...original,
    importHouseholds: (...[deps, actor, file, opts = {}]: Parameters<typeof original.importHouseholds>) =>
      original.importHouseholds(deps, actor, file, {
        ...opts,
        onProgress: async (p) => {
          await opts.onProgress?.(p);
          if (p.phase === 'write' && hold.active) {
            hold.active = false;
            await new Promise<void>((r) => {
              hold.release = r;
              hold.reached!();
            });
          }
        },
      }),
  };
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rng = mulberry32(17);
let t: TestContext;
let dataDir: string;
let admin: Session;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-import-poll-'));
  t = await createTestApp({ dataDir });
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'admin-2', role: 'admin' });
  admin = await login(t.app, 'admin');
});
afterEach(async () => {
  hold.release?.();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A ledger of `households` households of three members each. */
async function ledger(households: number): Promise<Buffer> {
  const headers = LEDGER_COLUMNS.map((c) => c.header);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('家庭成员');
  ws.addRow(headers);
  for (let h = 0; h < households; h++)
    for (const [k, relation] of ['户主', '配偶', '子'].entries()) {
      // A different birth date for everyone: no two synthetic ID numbers alike.
      const birthDate = new Date(Date.UTC(1960, 0, 1) + (h * 3 + k) * 86_400_000).toISOString().slice(0, 10);
      const row: Record<string, unknown> = {
        行政区划代码: VILLAGE_A1,
        户编号: `P${String(h).padStart(6, '0')}`,
        户属性: '一般农户',
        姓名: `测试${h}`,
        证件号码: syntheticMember(rng, { birthDate }).idNumber,
        与户主关系: relation,
        健康状况: '健康',
        劳动技能: '普通劳动力',
        是否参加城乡居民基本医疗保险: '是',
        是否参加大病保险: '是',
      };
      ws.addRow(headers.map((k) => row[k] ?? null));
    }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const poll = (s: Session, id: string) => s.request({ method: 'GET', url: `/api/households/imports/${id}` });

describe('import progress poll', { timeout: 120_000 }, () => {
  it('answers with the write phase while the import holds its transaction open', async () => {
    const held = hold.arm();
    const started = await admin.request({
      method: 'POST',
      url: '/api/households/imports',
      headers: { 'content-type': XLSX },
      payload: await ledger(40),
    });
    expect(started.statusCode, started.body).toBe(202);
    const jobId = started.json().id as string;
    await held;
    // The import is inside its transaction (on PGlite: holding the one connection), in the write phase.
    if (t.database.pglite) expect(t.database.pglite.isInTransaction()).toBe(true);
    // Longer ago than any request may reuse a session check: the poll route alone may still.
    t.advance(SESSION_CACHE_TTL_MS + 60_000);

    // If the poll waited for the database, it could only answer once the import is let go; it is let go
    // after this guard at the latest, so a waiting poll fails the test instead of hanging it.
    let released = false;
    const guard = setTimeout(() => {
      released = true;
      hold.release!();
    }, 20_000);
    const res = await poll(admin, jobId);
    const answeredWhileHeld = !released;
    const inTransaction = t.database.pglite?.isInTransaction();
    clearTimeout(guard);

    expect(answeredWhileHeld, 'the poll answered only after the import was let go').toBe(true);
    if (t.database.pglite) expect(inTransaction).toBe(true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'running',
      progress: { phase: 'write', rowsRead: 120, totalRows: 120 },
      report: null,
    });
    // Still the owner's only: another user's poll of the same job is 404 (and waits for the database).
    hold.release!();
    const other = await login(t.app, 'admin-2');
    expect((await poll(other, jobId)).statusCode).toBe(404);

    let job = (await poll(admin, jobId)).json();
    for (let i = 0; i < 600 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await poll(admin, jobId)).json();
    }
    expect(job).toMatchObject({ status: 'done', progress: { phase: 'done' } });
    expect(job.report).toMatchObject({ ok: true, households: 40, members: 120 });
  });

  it('refuses the poll of a logged-out session at once, though it answered from memory a moment before', async () => {
    const started = await admin.request({
      method: 'POST',
      url: '/api/households/imports',
      headers: { 'content-type': XLSX },
      payload: await ledger(2),
    });
    const jobId = started.json().id as string;
    expect((await poll(admin, jobId)).statusCode).toBe(200);
    t.advance(SESSION_CACHE_TTL_MS + 60_000);
    expect((await poll(admin, jobId)).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    const res = await poll(admin, jobId);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('refuses the poll of a session idle past its expiry, though its check is still in memory', async () => {
    const started = await admin.request({
      method: 'POST',
      url: '/api/households/imports',
      headers: { 'content-type': XLSX },
      payload: await ledger(2),
    });
    const jobId = started.json().id as string;
    expect((await poll(admin, jobId)).statusCode).toBe(200);
    t.advance(31 * 60_000);
    const res = await poll(admin, jobId);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
  });
});
