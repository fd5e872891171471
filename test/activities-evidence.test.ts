import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { piiAccessLog } from '../src/server/db/schema';
import {
  PAIRED_TOWNSHIP,
  createTestApp,
  expectAudited,
  expectRefused,
  login,
  seedRegions,
  seedUnit,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let dataDir: string;
let unitA: Session;
let unitB: Session;
let leader: Session;
let recordId: number;

/** A tiny PNG (8-byte signature + IHDR start is enough for the magic-byte check). */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('\u0000\u0000\u0000\rIHDR synthetic sign-in sheet photo', 'latin1'),
]);
const PDF = Buffer.from('%PDF-1.4\n% synthetic receipt\n%%EOF\n');
const FILE_NAME = '签到表 (1).png';

const evidenceDir = (id: number) => path.join(dataDir, 'attachments', 'activities', String(id));
const filesOf = (id: number) => (fs.existsSync(evidenceDir(id)) ? fs.readdirSync(evidenceDir(id)) : []);

const upload = (
  s: Pick<Session, 'request'>,
  id: number,
  data: Buffer = PNG,
  contentType = 'image/png',
  fileName = FILE_NAME,
) =>
  s.request({
    method: 'POST',
    url: `/api/activities/${id}/evidence?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': contentType },
    payload: data,
  });

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-evidence-'));
  t = await createTestApp({ dataDir });
  await seedRegions(t.deps);
  const unitAId = await seedUnit(t.deps, '区人社局');
  const unitBId = await seedUnit(t.deps, '区商务局');
  await seedUser(t.deps, { username: 'unit-a', role: 'unit', unitId: unitAId });
  await seedUser(t.deps, { username: 'unit-b', role: 'unit', unitId: unitBId });
  await seedUser(t.deps, { username: 'leader', role: 'leader' });
  unitA = await login(t.app, 'unit-a');
  unitB = await login(t.app, 'unit-b');
  leader = await login(t.app, 'leader');
  const res = await unitA.request({
    method: 'POST',
    url: '/api/activities',
    payload: {
      type: 'training',
      date: '2020-05-10',
      regionCode: PAIRED_TOWNSHIP,
      peopleCount: 30,
      details: { kind: 'vocational', title: '家政服务技能培训' },
      evidence: [{ name: '通知', ref: 'doc-2020-15' }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  recordId = res.json().id;
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('activity evidence files', () => {
  it('uploads a file (audited once) and downloads it back with its type and RFC 5987 file name', async () => {
    const { res, row } = await expectAudited(t.deps, () => upload(unitA, recordId), {
      action: 'activity.evidence_add',
      entity: 'activity',
      status: 201,
    });
    const record = res.json();
    expect(record.evidence).toHaveLength(2);
    expect(record.evidence[0]).toEqual({ name: '通知', ref: 'doc-2020-15' });
    const added = record.evidence[1];
    expect(added.name).toBe(FILE_NAME);
    expect(added.ref).toMatch(/^evidence:[0-9a-f-]{36}$/);
    expect(row.entityId).toBe(String(recordId));
    expect(filesOf(recordId)).toHaveLength(1);

    // The record as read back keeps the entry.
    const got = (await unitA.request({ method: 'GET', url: `/api/activities/${recordId}` })).json();
    expect(got.evidence).toEqual(record.evidence);

    const uuid = added.ref.slice('evidence:'.length);
    const dl = await unitA.request({ method: 'GET', url: `/api/activities/${recordId}/evidence/${uuid}` });
    expect(dl.statusCode, dl.body).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="___ (1).png"; filename*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8%20%281%29.png`,
    );
    // Readers of the record (the leader reads everything) may download too; each download is logged.
    const byLeader = await leader.request({
      method: 'GET',
      url: `/api/activities/${recordId}/evidence/${uuid}`,
    });
    expect(byLeader.statusCode).toBe(200);
    const logged = await t.deps.db.select().from(piiAccessLog);
    expect(logged.filter((l) => l.field === added.ref)).toHaveLength(2);

    // A PDF sent as octet-stream is stored as a PDF (type from its content).
    const pdf = await upload(unitA, recordId, PDF, 'application/octet-stream', '收据.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    const pdfRef = pdf.json().evidence[2].ref.slice('evidence:'.length);
    const pdfDl = await unitA.request({
      method: 'GET',
      url: `/api/activities/${recordId}/evidence/${pdfRef}`,
    });
    expect(pdfDl.headers['content-type']).toBe('application/pdf');
    expect(pdfDl.rawPayload.equals(PDF)).toBe(true);
  });

  it("answers 404 for another unit's record, both ways, and writes nothing", async () => {
    const up = (await upload(unitA, recordId)).json();
    const uuid = up.evidence[1].ref.slice('evidence:'.length);
    await expectRefused(t.deps, () => upload(unitB, recordId), { status: 404, code: 'not_found' });
    expect(filesOf(recordId)).toHaveLength(1);
    const dl = await unitB.request({ method: 'GET', url: `/api/activities/${recordId}/evidence/${uuid}` });
    expect(dl.statusCode).toBe(404);
    expect(dl.json().error.code).toBe('not_found');
    // A file the record does not list is not found either.
    const other = await unitA.request({
      method: 'GET',
      url: `/api/activities/${recordId}/evidence/00000000-0000-4000-8000-000000000000`,
    });
    expect(other.statusCode).toBe(404);
    // Readers who may not edit (the leader) cannot upload.
    await expectRefused(t.deps, () => upload(leader, recordId), { status: 403, code: 'forbidden' });
  });

  it('refuses a text file pretending to be a PDF with a 400 naming the file, and writes nothing', async () => {
    const res = await expectRefused(
      t.deps,
      () => upload(unitA, recordId, Buffer.from('just some text, not a PDF'), 'application/pdf', 'x.pdf'),
      { status: 400, code: 'validation' },
    );
    expect(res.json().error.details[0]).toMatchObject({ path: 'file', code: 'file.type' });
    expect(filesOf(recordId)).toHaveLength(0);
    const got = (await unitA.request({ method: 'GET', url: `/api/activities/${recordId}` })).json();
    expect(got.evidence).toHaveLength(1);

    const empty = await expectRefused(t.deps, () => upload(unitA, recordId, Buffer.alloc(0)), {
      status: 400,
    });
    expect(empty.json().error.details[0]).toMatchObject({ path: 'file', code: 'file.empty' });
    const noName = await expectRefused(
      t.deps,
      () =>
        unitA.request({
          method: 'POST',
          url: `/api/activities/${recordId}/evidence`,
          headers: { 'content-type': 'image/png' },
          payload: PNG,
        }),
      { status: 400 },
    );
    expect(noName.json().error.details[0].path).toBe('querystring.fileName');
    expect(filesOf(recordId)).toHaveLength(0);
  });

  it('answers 401 without a session', async () => {
    const anonymous = { request: t.app.inject.bind(t.app) } as Pick<Session, 'request'>;
    const up = await upload(anonymous, recordId);
    expect(up.statusCode).toBe(401);
    const dl = await t.app.inject({
      method: 'GET',
      url: `/api/activities/${recordId}/evidence/00000000-0000-4000-8000-000000000000`,
    });
    expect(dl.statusCode).toBe(401);
    expect(filesOf(recordId)).toHaveLength(0);
  });
});
