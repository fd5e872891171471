import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold, syntheticMember, syntheticYear } from '../src/core/households/fixtures';
import { mulberry32 } from '../src/core/identity/random';
import { DEMO_YEAR_CONFIG_2020 } from '../src/core/monitoring/config';
import {
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
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

const DAY = 86_400_000;
let t: TestContext;
let dataDir: string;
let admin: Session;
let townA: Session;
let townB: Session;
let village: Session;
let inspector: Session;
let leader: Session;
let unitUser: Session;
const rng = mulberry32(3);

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-cases-'));
  t = await createTestApp({ dataDir });
  await seedRegions(t.deps);
  const unitId = await seedUnit(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'clerk-a', role: 'town', regionCode: TOWN_A });
  await seedUser(t.deps, { username: 'clerk-b', role: 'town', regionCode: TOWN_B });
  await seedUser(t.deps, { username: 'cadre-a1', role: 'village', regionCode: VILLAGE_A1 });
  await seedUser(t.deps, { username: 'inspector', role: 'inspector' });
  await seedUser(t.deps, { username: 'leader', role: 'leader' });
  await seedUser(t.deps, { username: 'unit-user', role: 'unit', unitId });
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
  townB = await login(t.app, 'clerk-b');
  village = await login(t.app, 'cadre-a1');
  inspector = await login(t.app, 'inspector');
  leader = await login(t.app, 'leader');
  unitUser = await login(t.app, 'unit-user');
  await admin.request({
    method: 'PUT',
    url: '/api/monitoring/year-configs/2020',
    payload: DEMO_YEAR_CONFIG_2020,
  });
});
/** Moves the clock by whole days; sessions idle out meanwhile, so everyone logs in again. */
async function advanceDays(n: number) {
  t.advance(n * DAY);
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
  townB = await login(t.app, 'clerk-b');
  village = await login(t.app, 'cadre-a1');
  inspector = await login(t.app, 'inspector');
  leader = await login(t.app, 'leader');
}

afterEach(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Created {
  id: number;
  headName: string;
  body: ReturnType<typeof syntheticHousehold>;
}

async function household(
  over: { labour?: 'lost'; monitoringType?: 'marginal'; perCapita?: number } = {},
): Promise<Created> {
  const m = (relation: 'head' | 'spouse', birthDate: string) =>
    syntheticMember(rng, {
      relation,
      birthDate,
      health: 'healthy',
      labour: over.labour ?? 'normal',
      disabilityCertificate: null,
      medicalInsurance: true,
      criticalIllnessInsurance: true,
      phone: '13800138000',
    });
  const body = syntheticHousehold(rng, VILLAGE_A1, {
    members: [m('head', '1972-01-01'), m('spouse', '1974-01-01')],
    bankName: '农商银行',
    bankAccount: '6228480012345678901',
    monitoringType: over.monitoringType ?? null,
  });
  const res = await townA.request({ method: 'POST', url: '/api/households', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  const h = res.json();
  const y = syntheticYear(mulberry32(1), 2, over.perCapita ?? 5000);
  await townA.request({
    method: 'PUT',
    url: `/api/households/${h.id}/years/2020`,
    payload: {
      ...y,
      econ: { ...y.econ, rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 } },
      housing: { grade: 'A' },
    },
  });
  return { id: h.id, headName: h.headName, body };
}

const openCase = (s: Session, householdId: number, kind = 'include', extra: object = {}) =>
  s.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      householdId,
      kind,
      proposedType: kind === 'exit' ? null : 'marginal',
      source: 'cadreScreening',
      clueNote: '走访发现收入下降',
      ...extra,
    },
  });
const action = (s: Session, id: number, payload: object) =>
  s.request({ method: 'POST', url: `/api/cases/${id}/actions`, payload });
const upload = (s: Session, id: number, kind = 'authorisation') =>
  s.request({
    method: 'POST',
    url: `/api/cases/${id}/attachments?kind=${kind}&fileName=${encodeURIComponent('授权书.pdf')}`,
    headers: { 'content-type': 'application/pdf' },
    payload: Buffer.from('%PDF-1.4 signed authorisation'),
  });
const homeCheck = { date: '2020-06-02', findings: '入户核实，收入属实' };
const appraisal = { date: '2020-06-03', participants: 25, result: '同意纳入' };

/** Takes a case from the clue to the inspection step. */
async function toInspection(caseId: number) {
  expect((await upload(village, caseId)).statusCode).toBe(201);
  expect((await action(village, caseId, { action: 'complete_home_check', homeCheck })).statusCode).toBe(200);
  expect((await action(village, caseId, { action: 'record_appraisal', appraisal })).statusCode).toBe(200);
  await advanceDays(5);
  expect((await action(townA, caseId, { action: 'close_notice', objections: null })).statusCode).toBe(200);
  expect((await action(townA, caseId, { action: 'town_approve' })).statusCode).toBe(200);
}

describe('include procedure', () => {
  it('goes clue → home check → appraisal and notice → town → inspection (returned, then verified) → district, each step audited', async () => {
    const h = await household();
    const { res: opened } = await expectAudited(t.deps, () => openCase(village, h.id), {
      action: 'case.open',
      entity: 'household_case',
      status: 201,
    });
    const c = opened.json();
    expect(c).toMatchObject({
      step: 'home_check',
      stepZh: '入户核实',
      kind: 'include',
      includeKind: 'new',
      proposedTypeZh: '边缘易致贫户',
      actions: ['complete_home_check'],
    });
    expect((await townA.request({ method: 'GET', url: `/api/cases/${c.id}` })).json().actions).toEqual([
      'complete_home_check',
      'withdraw',
    ]);

    const noAuth = await expectRefused(
      t.deps,
      () => action(village, c.id, { action: 'complete_home_check', homeCheck }),
      { status: 409 },
    );
    expect(noAuth.json().error.details[0].code).toBe('case.authorisation');
    await expectAudited(t.deps, () => upload(village, c.id), {
      action: 'case.attach',
      entity: 'household_case_attachment',
      status: 201,
    });
    await expectAudited(t.deps, () => action(village, c.id, { action: 'complete_home_check', homeCheck }), {
      action: 'case.complete_home_check',
      entity: 'household_case',
    });
    await expectAudited(t.deps, () => action(village, c.id, { action: 'record_appraisal', appraisal }), {
      action: 'case.record_appraisal',
      entity: 'household_case',
    });

    await advanceDays(4);
    const early = await expectRefused(t.deps, () => action(townA, c.id, { action: 'close_notice' }), {
      status: 409,
    });
    expect(early.json().error.message.zh).toBe('公示不少于 5 天，目前仅 4 天');
    await advanceDays(1);
    await expectAudited(t.deps, () => action(townA, c.id, { action: 'close_notice', objections: '无异议' }), {
      action: 'case.close_notice',
      entity: 'household_case',
    });
    await expectAudited(t.deps, () => action(townA, c.id, { action: 'town_approve' }), {
      action: 'case.town_approve',
      entity: 'household_case',
    });

    const adminVerify = await expectRefused(t.deps, () => action(admin, c.id, { action: 'verify' }), {
      status: 403,
    });
    expect(adminVerify.json().error.message.zh).toContain('专项督察组');
    const noReason = await expectRefused(t.deps, () => action(inspector, c.id, { action: 'return' }), {
      status: 400,
    });
    expect(noReason.json().error.details[0]).toMatchObject({ path: 'note', code: 'case.return_reason' });
    const { res: returned } = await expectAudited(
      t.deps,
      () => action(inspector, c.id, { action: 'return', note: '收入测算缺少务工收入佐证' }),
      { action: 'case.return', entity: 'household_case' },
    );
    expect(returned.json()).toMatchObject({ step: 'town_review', returnCount: 1 });
    await action(townA, c.id, { action: 'town_approve', note: '已补充务工收入证明' });
    await expectAudited(t.deps, () => action(inspector, c.id, { action: 'verify' }), {
      action: 'case.verify',
      entity: 'household_case',
    });
    const { res: approved } = await expectAudited(t.deps, () => action(admin, c.id, { action: 'approve' }), {
      action: 'case.approve',
      entity: 'household_case',
    });
    expect(approved.json()).toMatchObject({ step: 'approved', actions: [] });
    expect(approved.json().steps.map((s: { action: string }) => s.action)).toEqual([
      'open',
      'complete_home_check',
      'record_appraisal',
      'close_notice',
      'town_approve',
      'return',
      'town_approve',
      'verify',
      'approve',
    ]);

    const detail = (await townA.request({ method: 'GET', url: `/api/households/${h.id}` })).json();
    expect(detail).toMatchObject({
      monitoringStatus: 'monitored',
      monitoringType: 'marginal',
      monitoringSince: '202603',
      flagged: true,
    });
    const year = (await townA.request({ method: 'GET', url: `/api/households/${h.id}/years/2020` })).json();
    expect(year.flags[0].explanation.zh).toContain('人均纯收入 5,000 元 < 监测线 6,000 元');
    const tl = (await townA.request({ method: 'GET', url: `/api/households/${h.id}/timeline` })).json();
    expect(tl.items.map((i: { kind: string }) => i.kind)).toContain('household.monitoring_status');
  });

  it('refuses illegal transitions with a clear error and changes nothing', async () => {
    const h = await household();
    const c = (await openCase(townA, h.id)).json();
    const skip = await expectRefused(t.deps, () => action(admin, c.id, { action: 'approve' }), {
      status: 409,
      code: 'conflict',
    });
    expect(skip.json().error.message.zh).toBe(
      '当前步骤为「入户核实」，不能「区级审定通过」；可进行：完成入户核实、撤回',
    );
    expect(skip.json().error.details[0]).toMatchObject({ path: 'action', code: 'case.illegal_transition' });
    await action(townA, c.id, { action: 'withdraw', note: '误报' });
    const closed = await expectRefused(
      t.deps,
      () => action(townA, c.id, { action: 'complete_home_check', homeCheck }),
      { status: 409 },
    );
    expect(closed.json().error.message.zh).toContain('案件已结束');
    expect((await townA.request({ method: 'GET', url: `/api/cases/${c.id}` })).json().step).toBe('withdrawn');
  });

  it('allows one open case per household and refuses including a monitored household', async () => {
    const h = await household();
    expect((await openCase(townA, h.id)).statusCode).toBe(201);
    const again = await expectRefused(t.deps, () => openCase(townA, h.id), { status: 409 });
    expect(again.json().error.details[0]).toMatchObject({ path: 'householdId', code: 'case.open_exists' });
    const monitored = await household({ monitoringType: 'marginal' });
    await expectRefused(t.deps, () => openCase(townA, monitored.id), { status: 409 });
    const noType = await expectRefused(
      t.deps,
      () => openCase(townA, monitored.id, 'change_type', { proposedType: null }),
      { status: 400 },
    );
    expect(noType.json().error.details[0].path).toBe('proposedType');
  });

  it('keeps towns to their own cases; inspectors and leaders read; units see none', async () => {
    const h = await household();
    const c = (await openCase(townA, h.id)).json();
    expect((await townB.request({ method: 'GET', url: `/api/cases/${c.id}` })).statusCode).toBe(404);
    await expectRefused(t.deps, () => action(townB, c.id, { action: 'withdraw' }), { status: 404 });
    await expectRefused(t.deps, () => openCase(townB, h.id), { status: 400 });
    expect((await townB.request({ method: 'GET', url: '/api/cases' })).json().items).toEqual([]);
    expect((await unitUser.request({ method: 'GET', url: `/api/cases/${c.id}` })).statusCode).toBe(404);
    expect((await unitUser.request({ method: 'GET', url: '/api/cases' })).json().items).toEqual([]);
    expect((await leader.request({ method: 'GET', url: `/api/cases/${c.id}` })).json().actions).toEqual([]);
    await expectRefused(t.deps, () => openCase(leader, h.id), { status: 403 });
    await expectRefused(t.deps, () => openCase(inspector, h.id), { status: 403 });
    expect((await t.app.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
  });
});

describe('work queues and deadlines', () => {
  it('puts each case in the queue of the role with the next step, flagging overdue steps and cases', async () => {
    const h1 = await household();
    const h2 = await household();
    const c1 = (await openCase(village, h1.id)).json();
    const c2 = (await openCase(townA, h2.id)).json();
    await toInspection(c2.id);
    const ids = (s: Session) =>
      s
        .request({ method: 'GET', url: '/api/cases/queue' })
        .then((r) => r.json().items.map((i: { id: number }) => i.id));
    expect(await ids(village)).toEqual([c1.id]);
    expect(await ids(townA)).toEqual([c1.id]);
    expect(await ids(inspector)).toEqual([c2.id]);
    expect(await ids(admin)).toEqual([c1.id]);
    expect(await ids(townB)).toEqual([]);
    expect(await ids(leader)).toEqual([]);
    // c1 has sat at the home check for 5 days (3 allowed); at 16 days both are past the 15-day total.
    const q = (await village.request({ method: 'GET', url: '/api/cases/queue' })).json().items[0];
    expect(q.deadline).toMatchObject({ stepOverdue: true, totalOverdue: false, daysElapsed: 5 });
    await advanceDays(11);
    const late = (await inspector.request({ method: 'GET', url: '/api/cases/queue' })).json().items[0];
    expect(late.deadline).toMatchObject({ totalOverdue: true, daysElapsed: 16 });
  });

  it('lets the office configure deadlines (the notice at least 5 days)', async () => {
    const bad = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'PUT',
          url: '/api/cases/deadlines',
          payload: {
            totalDays: 20,
            noticeMinDays: 4,
            steps: {
              home_check: 3,
              appraisal: 2,
              notice: 6,
              town_review: 2,
              inspection: 2,
              district_approval: 2,
            },
          },
        }),
      { status: 400 },
    );
    expect(bad.json().error.details[0].path).toBe('noticeMinDays');
    const good = {
      totalDays: 20,
      noticeMinDays: 7,
      steps: { home_check: 3, appraisal: 2, notice: 7, town_review: 3, inspection: 3, district_approval: 2 },
    };
    await expectAudited(
      t.deps,
      () => admin.request({ method: 'PUT', url: '/api/cases/deadlines', payload: good }),
      { action: 'case.deadlines', entity: 'app_meta' },
    );
    await expectRefused(
      t.deps,
      () => townA.request({ method: 'PUT', url: '/api/cases/deadlines', payload: good }),
      { status: 403 },
    );
    const h = await household();
    const c = (await openCase(townA, h.id)).json();
    expect(c.deadline.totalDueAt).toBe(new Date(new Date(c.clueAt).getTime() + 20 * DAY).toISOString());
  });
});

describe('exit procedure', () => {
  const exitHomeCheck = {
    ...homeCheck,
    rigidResolved: true,
    monthlyIncome: ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'].map((month) => ({
      month,
      perCapitaAnnualised: 9000,
    })),
  };

  it('refuses the exit of a household without labour capacity and says why', async () => {
    const h = await household({ labour: 'lost', monitoringType: 'marginal', perCapita: 9000 });
    const c = (await openCase(townA, h.id, 'exit')).json();
    await upload(townA, c.id);
    const res = await expectRefused(
      t.deps,
      () => action(townA, c.id, { action: 'complete_home_check', homeCheck: exitHomeCheck }),
      { status: 409 },
    );
    expect(res.json().error.message.zh).toContain('整户无劳动能力');
    expect(res.json().error.details[0].code).toBe('case.exit_not_allowed');
  });

  it('refuses an exit with fewer than 6 months above the line, and completes one that qualifies; the record is kept', async () => {
    const h = await household({ monitoringType: 'marginal', perCapita: 9000 });
    const c = (await openCase(townA, h.id, 'exit', { eliminationMethod: 'assisted' })).json();
    await upload(village, c.id);
    const short = await action(village, c.id, {
      action: 'complete_home_check',
      homeCheck: { ...exitHomeCheck, monthlyIncome: exitHomeCheck.monthlyIncome.slice(2) },
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.message.zh).toContain('不足 6 个月');
    await toInspectionExit(c.id, exitHomeCheck);
    await action(inspector, c.id, { action: 'verify' });
    expect((await action(admin, c.id, { action: 'approve' })).json().step).toBe('approved');
    const detail = (await townA.request({ method: 'GET', url: `/api/households/${h.id}` })).json();
    expect(detail).toMatchObject({
      monitoringStatus: 'eliminated',
      monitoringType: 'marginal',
      monitoringUntil: '202603',
      riskEliminationMethod: 'assisted',
      active: true,
    });
    // Falling back later is a "returning" inclusion.
    const back = (await openCase(townA, h.id, 'include')).json();
    expect(back.includeKind).toBe('returning');
  });

  async function toInspectionExit(id: number, hc: object) {
    expect((await action(village, id, { action: 'complete_home_check', homeCheck: hc })).statusCode).toBe(
      200,
    );
    await action(village, id, {
      action: 'record_appraisal',
      appraisal: { ...appraisal, result: '同意退出' },
    });
    await advanceDays(5);
    await action(townA, id, { action: 'close_notice' });
    await action(townA, id, { action: 'town_approve' });
  }
});

describe('notice and attachments', () => {
  it('generates a notice (text and .docx) with name, village and type only — never an ID number, phone, bank or health data', async () => {
    const h = await household();
    const c = (await openCase(townA, h.id)).json();
    expect((await townA.request({ method: 'GET', url: `/api/cases/${c.id}/notice` })).statusCode).toBe(409);
    await upload(village, c.id);
    await action(village, c.id, { action: 'complete_home_check', homeCheck });
    await action(village, c.id, { action: 'record_appraisal', appraisal });
    const text = (await townA.request({ method: 'GET', url: `/api/cases/${c.id}/notice` })).body;
    const docx = await townA.request({ method: 'GET', url: `/api/cases/${c.id}/notice?format=docx` });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const out of [text, xml]) {
      expect(out).toContain(h.headName);
      expect(out).toContain('甲一村');
      expect(out).toContain('拟纳入监测：边缘易致贫户');
      for (const m of h.body.members) {
        expect(out).not.toContain(m.idNumber);
        expect(out).not.toContain(m.idNumber.slice(0, 6) + m.idNumber.slice(6, 14));
        if (m.name !== h.headName) expect(out).not.toContain(m.name);
      }
      expect(out).not.toContain('13800138000');
      expect(out).not.toContain('6228480012345678901');
      expect(out).not.toMatch(/\d{15,}/);
      for (const health of ['健康', '慢性病', '大病', '残疾']) expect(out).not.toContain(health);
    }
  });

  it('stores attachments in the data folder and logs each download', async () => {
    const h = await household();
    const c = (await openCase(townA, h.id)).json();
    const up = (await upload(village, c.id)).json();
    const a = up.attachments[0];
    expect(a).toMatchObject({
      kind: 'authorisation',
      fileName: '授权书.pdf',
      contentType: 'application/pdf',
    });
    expect(fs.readdirSync(path.join(dataDir, 'attachments', 'cases', String(c.id)))).toHaveLength(1);
    const dl = await townA.request({ method: 'GET', url: `/api/cases/${c.id}/attachments/${a.id}` });
    expect(dl.body).toBe('%PDF-1.4 signed authorisation');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''%E6%8E%88");
    expect(
      (await townB.request({ method: 'GET', url: `/api/cases/${c.id}/attachments/${a.id}` })).statusCode,
    ).toBe(404);
    await expectRefused(t.deps, () => upload(inspector, c.id), { status: 403 });
    const bad = await expectRefused(
      t.deps,
      () =>
        village.request({
          method: 'POST',
          url: `/api/cases/${c.id}/attachments?kind=magic&fileName=x.pdf`,
          headers: { 'content-type': 'application/pdf' },
          payload: Buffer.from('x'),
        }),
      { status: 400 },
    );
    expect(bad.json().error.details[0].path).toBe('querystring.kind');
  });
});
