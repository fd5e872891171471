import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, type ActivityType } from '../src/core/activities/activities.schemas';
import { makeSyntheticIdNumber } from '../src/core/identity/synthetic';
import { mulberry32 } from '../src/core/identity/random';
import { auditLog, piiAccessLog } from '../src/server/db/schema';
import {
  PAIRED_TOWNSHIP,
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

let t: TestContext;
let admin: Session;
let unitA: Session;
let unitB: Session;
let leader: Session;
let townA: Session;
let village: Session;
let unitAId: number;
let unitBId: number;

const rng = mulberry32(7);
const ID = makeSyntheticIdNumber(rng, { addressCode: '349921', birthDate: '1990-05-01', sex: 'male' });

/** A valid body for each record type (synthetic data). */
function sampleActivity(type: ActivityType, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const common = { date: '2020-05-10', regionCode: PAIRED_TOWNSHIP, ...extra };
  const details: Record<ActivityType, Record<string, unknown>> = {
    leadership_visit: { visitorLevel: 'district', visitor: '区委书记', purpose: '调研产业合作' },
    study_session: { topic: '学习《习近平扶贫论述摘编》' },
    cadre_secondment: {
      personName: '张三',
      originalPost: '区农业农村局科长',
      post: '结对县副县长',
      startDate: '2020-03-01',
    },
    talent_support: { field: 'health', description: '选派医生驻点' },
    training: { kind: 'entrepreneur_leader', title: '创业致富带头人培训班' },
    employment_placement: {
      mode: 'local',
      employer: '某某制造公司',
      startDate: '2020-05-10',
      monthlyWage: 3200,
    },
    consumption_purchase: {
      buyer: '区机关食堂',
      buyerKind: 'unit',
      product: '大米',
      method: 'centralised',
      centralisedTrip: true,
    },
    donation: { donor: '区总工会', donationType: 'money', beneficiaryKind: 'student' },
    medical_aid: { institution: '区人民医院', description: '贫困患者手术救助' },
    volunteer_event: { kind: 'free_clinic', title: '专家义诊' },
    industry_base: { name: '茶叶基地', industry: '茶叶' },
    cooperation_org: { name: '某茶叶合作社', kind: 'cooperative' },
    investment: { enterprise: '某电子公司' },
    park_exchange: { kind: 'exchange', parks: '区经开区—结对县园区', description: '管理层交流' },
    rural_revitalisation: { category: 'living_environment', project: '改厕' },
  };
  const body: Record<string, unknown> = { type, details: details[type], ...common };
  if (type === 'employment_placement') body.person = { name: '李四', idNumber: ID };
  if (type === 'consumption_purchase' || type === 'donation') body.amountYuan = 5000;
  return { ...body, ...extra };
}

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  unitAId = await seedUnit(t.deps, '区人社局');
  unitBId = await seedUnit(t.deps, '区商务局');
  await seedUnit(t.deps, '甲镇人民政府', 'town_office', TOWN_A);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'unit-a', role: 'unit', unitId: unitAId });
  await seedUser(t.deps, { username: 'unit-b', role: 'unit', unitId: unitBId });
  await seedUser(t.deps, { username: 'leader', role: 'leader' });
  await seedUser(t.deps, { username: 'town-a', role: 'town', regionCode: TOWN_A });
  await seedUser(t.deps, { username: 'village', role: 'village', regionCode: VILLAGE_A1 });
  admin = await login(t.app, 'admin');
  unitA = await login(t.app, 'unit-a');
  unitB = await login(t.app, 'unit-b');
  leader = await login(t.app, 'leader');
  townA = await login(t.app, 'town-a');
  village = await login(t.app, 'village');
});
afterEach(() => t.close());

const create = (s: Session, body: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/activities', payload: body });

describe('typed activity records', () => {
  it('records every type with its own details, each audited once', async () => {
    for (const type of ACTIVITY_TYPES) {
      const { res } = await expectAudited(t.deps, () => create(unitA, sampleActivity(type)), {
        action: 'activity.create',
        entity: 'activity',
        status: 201,
      });
      expect(res.json()).toMatchObject({
        type,
        unitId: unitAId,
        countyCode: '349921',
        regionCode: PAIRED_TOWNSHIP,
      });
    }
    const list = (await unitA.request({ method: 'GET', url: '/api/activities?limit=100' })).json();
    expect(list.items).toHaveLength(ACTIVITY_TYPES.length);
  });

  it('encrypts the ID number of a placed person: masked in output and audit, never in clear', async () => {
    const { res, row } = await expectAudited(
      t.deps,
      () => create(unitA, sampleActivity('employment_placement')),
      {
        action: 'activity.create',
        entity: 'activity',
        status: 201,
      },
    );
    expect(res.json().person).toEqual({
      name: '李四',
      idNumberMasked: `${ID.slice(0, 4)}**********${ID.slice(-4)}`,
    });
    expect(res.body).not.toContain(ID);
    expect(JSON.stringify(row.after)).not.toContain(ID);
    const raw = await t.database.db.execute(
      `select person_id_enc, person_hash, details::text as d from activities` as never,
    );
    const stored = JSON.stringify((raw as unknown as { rows: unknown[] }).rows);
    expect(stored).not.toContain(ID);
  });

  it('shows the full ID number only to the office with a purpose, logging the view', async () => {
    const id = (await create(unitA, sampleActivity('employment_placement'))).json().id;
    const url = `/api/activities/${id}/id-number?purpose=${encodeURIComponent('核对劳务协作台账')}`;
    expect((await unitA.request({ method: 'GET', url })).statusCode).toBe(403);
    expect(await t.deps.db.$count(piiAccessLog)).toBe(0);
    const noPurpose = await admin.request({ method: 'GET', url: `/api/activities/${id}/id-number` });
    expect(noPurpose.json().error.details[0].path).toBe('querystring.purpose');
    const res = await admin.request({ method: 'GET', url });
    expect(res.json()).toEqual({ idNumber: ID });
    const [log] = await t.deps.db.select().from(piiAccessLog);
    expect(log).toMatchObject({
      kind: 'view',
      entity: 'activity',
      entityId: String(id),
      purpose: '核对劳务协作台账',
    });
  });

  it('derives the half-year of a purchase from its date', async () => {
    const res = await create(unitA, sampleActivity('consumption_purchase', { date: '2020-09-01' }));
    expect(res.json().details).toMatchObject({ half: 2, centralisedTrip: true });
  });

  it('keeps the person on an update that leaves it out, audited with before and after', async () => {
    const id = (await create(unitA, sampleActivity('employment_placement'))).json().id;
    const body = sampleActivity('employment_placement');
    delete body.person;
    const { res, row } = await expectAudited(
      t.deps,
      () =>
        unitA.request({
          method: 'PUT',
          url: `/api/activities/${id}`,
          payload: { ...body, details: { ...(body.details as object), monthlyWage: 4000 } },
        }),
      { action: 'activity.update', entity: 'activity' },
    );
    expect(res.json().person.name).toBe('李四');
    expect(row.before).toMatchObject({ details: { monthlyWage: 3200 } });
    expect(row.after).toMatchObject({ details: { monthlyWage: 4000 } });
    await expectAudited(t.deps, () => unitA.request({ method: 'DELETE', url: `/api/activities/${id}` }), {
      action: 'activity.delete',
      entity: 'activity',
    });
  });

  it('answers 400 with the field path: details of the type, the ID number, a required person', async () => {
    const badMode = await expectRefused(
      t.deps,
      () =>
        create(
          unitA,
          sampleActivity('employment_placement', {
            details: { mode: 'abroad', employer: 'x', startDate: '2020-05-10', monthlyWage: 1 },
          }),
        ),
      { status: 400, code: 'validation' },
    );
    expect(badMode.json().error.details[0].path).toBe('details.mode');
    const badId = await expectRefused(
      t.deps,
      () =>
        create(
          unitA,
          sampleActivity('employment_placement', {
            person: { name: '王五', idNumber: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1') },
          }),
        ),
      { status: 400 },
    );
    expect(badId.json().error.details[0]).toMatchObject({ path: 'person.idNumber', code: 'id.checksum' });
    expect(badId.body).not.toContain(ID.slice(0, 17));
    const noPerson = await expectRefused(
      t.deps,
      () => create(unitA, sampleActivity('employment_placement', { person: null })),
      { status: 400 },
    );
    expect(noPerson.json().error.details[0].path).toBe('person');
    const noRegion = await expectRefused(
      t.deps,
      () => create(unitA, sampleActivity('donation', { regionCode: '349999999999' })),
      {
        status: 400,
      },
    );
    expect(noRegion.json().error.details[0].path).toBe('regionCode');
    const noAmount = await expectRefused(
      t.deps,
      () => create(unitA, sampleActivity('donation', { amountYuan: null })),
      {
        status: 400,
      },
    );
    expect(noAmount.json().error.details[0].path).toBe('amountYuan');
  });
});

describe('activity scope', () => {
  it("hides another unit's records (404) and refuses recording for another unit (403)", async () => {
    const id = (await create(unitA, sampleActivity('donation'))).json().id;
    expect((await unitB.request({ method: 'GET', url: `/api/activities/${id}` })).statusCode).toBe(404);
    expect((await unitB.request({ method: 'GET', url: '/api/activities' })).json().items).toHaveLength(0);
    await expectRefused(
      t.deps,
      () =>
        unitB.request({ method: 'PUT', url: `/api/activities/${id}`, payload: sampleActivity('donation') }),
      { status: 404, code: 'not_found' },
    );
    await expectRefused(t.deps, () => unitB.request({ method: 'DELETE', url: `/api/activities/${id}` }), {
      status: 404,
    });
    await expectRefused(t.deps, () => create(unitB, sampleActivity('donation', { unitId: unitAId })), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('lets leaders read every record and change none', async () => {
    const id = (await create(unitA, sampleActivity('donation'))).json().id;
    expect((await leader.request({ method: 'GET', url: `/api/activities/${id}` })).statusCode).toBe(200);
    await expectRefused(
      t.deps,
      () =>
        leader.request({ method: 'PUT', url: `/api/activities/${id}`, payload: sampleActivity('donation') }),
      { status: 403 },
    );
    await expectRefused(t.deps, () => create(leader, sampleActivity('donation', { unitId: unitAId })), {
      status: 403,
    });
  });

  it('lets the office record for any unit, naming it', async () => {
    const res = await create(admin, sampleActivity('donation', { unitId: unitBId }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().unitName).toBe('区商务局');
    const missing = await expectRefused(t.deps, () => create(admin, sampleActivity('donation')), {
      status: 400,
    });
    expect(missing.json().error.details[0].path).toBe('unitId');
  });

  it("lets a town record and see its own leaders' visits only", async () => {
    const visit = sampleActivity('leadership_visit', {
      details: { visitorLevel: 'town', visitor: '甲镇党委书记', purpose: '联系结对乡' },
    });
    const res = await create(townA, visit);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ townCode: TOWN_A, unitName: '甲镇人民政府' });
    await expectRefused(t.deps, () => create(townA, sampleActivity('donation')), { status: 403 });
    await create(unitA, sampleActivity('leadership_visit', { regionCode: TOWN_B }));
    const seen = (await townA.request({ method: 'GET', url: '/api/activities' })).json().items;
    expect(seen.map((a: { id: number }) => a.id)).toEqual([res.json().id]);
    expect((await village.request({ method: 'GET', url: '/api/activities' })).json().items).toHaveLength(0);
  });

  it('answers 401 without a session on every route', async () => {
    const before = await t.deps.db.$count(auditLog);
    for (const [method, url] of [
      ['GET', '/api/activities'],
      ['GET', '/api/activity-types'],
      ['POST', '/api/activities'],
      ['GET', '/api/activities/1'],
      ['PUT', '/api/activities/1'],
      ['DELETE', '/api/activities/1'],
      ['GET', '/api/activities/1/id-number?purpose=check'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    expect(await t.deps.db.$count(auditLog)).toBe(before);
  });
});
