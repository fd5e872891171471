import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSyntheticIdNumber } from '../src/core/identity/synthetic';
import { mulberry32 } from '../src/core/identity/random';
import {
  PAIRED_TOWNSHIP,
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
  createTestApp,
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
let townA: Session;
let unitAId: number;
let unitBId: number;
let planId: number;
let ids: Record<string, number>;

const rng = mulberry32(11);
const person = (birthDate: string) => ({
  name: '测试',
  idNumber: makeSyntheticIdNumber(rng, { addressCode: '349921', birthDate, sex: 'female' }),
});

const HALVES = { kind: 'each-half-year', count: 2, scope: 'year-total', label: '分上、下半年' };
const MARCH = { kind: 'date', year: null, month: 3, day: null, label: '3月底前' };
const ind = (name: string, measurement: object, rest: object) => ({
  name,
  measurement,
  comparison: 'gte',
  ...rest,
});
const placement = { kind: 'distinct_people', recordType: 'employment_placement', filter: { mode: 'local' } };

/** One indicator per measurement kind, and one per scope. */
const PLAN = {
  year: 2020,
  title: '测试区2020年帮扶工作要点',
  sections: [
    {
      ref: '三',
      number: '三',
      level: 1,
      title: '目标任务',
      clauses: [
        {
          ref: '三1',
          number: '1',
          text: '区领导调研不少于2次;镇(街)联系不少于1次;就地就近就业3名以上;捐款1万元以上。',
          indicators: [
            ind(
              '区领导调研次数',
              { kind: 'count', recordType: 'leadership_visit', filter: { visitorLevel: 'district' } },
              { value: 2, unit: '次' },
            ),
            ind(
              '镇(街)联系次数',
              { kind: 'count', recordType: 'leadership_visit', filter: { visitorLevel: 'town' } },
              { value: 1, unit: '次', scope: 'town' },
            ),
            ind('就地就近就业人数', placement, { value: 3, unit: '人' }),
            ind(
              '捐助金额',
              { kind: 'sum', recordType: 'donation', field: 'amountYuan' },
              { value: 1, unit: '万元' },
            ),
            ind(
              '建档立卡人员占比',
              {
                kind: 'ratio',
                numerator: { ...placement, filter: { mode: 'local', registeredPoor: true } },
                denominator: placement,
              },
              { value: 80, unit: '%' },
            ),
            ind('帮扶资金', { kind: 'manual' }, { value: 1500, unit: '万元', deadline: MARCH }),
            ind(
              '集中采购次数',
              {
                kind: 'count',
                recordType: 'consumption_purchase',
                filter: { centralisedTrip: true },
                distinctOn: 'date',
              },
              { comparison: 'eq', value: 2, unit: '次', deadline: HALVES },
            ),
            ind(
              '单位学习次数',
              { kind: 'count', recordType: 'study_session' },
              { value: 1, unit: '次', scope: 'unit' },
            ),
          ],
        },
      ],
    },
  ],
};

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  unitAId = await seedUnit(t.deps, '区人社局');
  unitBId = await seedUnit(t.deps, '区商务局');
  await seedUnit(t.deps, '甲镇人民政府', 'town_office', TOWN_A);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'unit-a', role: 'unit', unitId: unitAId });
  await seedUser(t.deps, { username: 'unit-b', role: 'unit', unitId: unitBId });
  await seedUser(t.deps, { username: 'town-a', role: 'town', regionCode: TOWN_A });
  admin = await login(t.app, 'admin');
  unitA = await login(t.app, 'unit-a');
  unitB = await login(t.app, 'unit-b');
  townA = await login(t.app, 'town-a');
  const res = await admin.request({ method: 'POST', url: '/api/plans', payload: PLAN });
  expect(res.statusCode, res.body).toBe(201);
  planId = res.json().id;
  ids = Object.fromEntries(
    res.json().sections[0].clauses[0].indicators.map((i: { name: string; id: number }) => [i.name, i.id]),
  );
});
afterEach(() => t.close());

async function record(s: Session, type: string, details: object, extra: object = {}) {
  const res = await s.request({
    method: 'POST',
    url: '/api/activities',
    payload: { type, date: '2020-05-10', regionCode: PAIRED_TOWNSHIP, details, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const localJob = (registeredPoor = true) => ({
  mode: 'local',
  registeredPoor,
  employer: '某厂',
  startDate: '2020-05-10',
  monthlyWage: 3000,
});

async function progress(s: Session, asOf: string) {
  const res = await s.request({ method: 'GET', url: `/api/progress?plan=${planId}&asOf=${asOf}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return Object.fromEntries(body.items.map((i: { name: string }) => [i.name, i])) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('progress from the records', () => {
  it('counts records of a type with a filter, at any date', async () => {
    await record(
      unitA,
      'leadership_visit',
      { visitorLevel: 'district', visitor: '区长', purpose: '调研' },
      { date: '2020-03-01' },
    );
    await record(
      unitA,
      'leadership_visit',
      { visitorLevel: 'district', visitor: '区委书记', purpose: '调研' },
      { date: '2020-08-01' },
    );
    await record(
      unitA,
      'leadership_visit',
      { visitorLevel: 'city', visitor: '市长', purpose: '调研' },
      { date: '2020-04-01' },
    );
    const july = await progress(admin, '2020-07-01');
    expect(july['区领导调研次数']).toMatchObject({ value: 1, percent: 50, status: 'on_track' });
    expect(july['区领导调研次数'].explanation.zh).toContain('进度正常');
    const sept = await progress(admin, '2020-09-01');
    expect(sept['区领导调研次数']).toMatchObject({ value: 2, percent: 100, status: 'done' });
    expect(sept['区领导调研次数'].byUnit).toEqual([{ unitId: unitAId, unitName: '区人社局', value: 2 }]);
  });

  it('gives a per-town indicator one verdict per town (R1)', async () => {
    await record(townA, 'leadership_visit', { visitorLevel: 'town', visitor: '甲镇书记', purpose: '联系' });
    const p = (await progress(admin, '2020-09-30'))['镇(街)联系次数'];
    expect(p).toMatchObject({ groupsDone: 1, groupsTotal: 2, percent: 50, status: 'at_risk' });
    expect(p.groups).toEqual([
      expect.objectContaining({ key: TOWN_A, name: '甲镇', value: 1, status: 'done' }),
      expect.objectContaining({ key: TOWN_B, name: '乙镇', value: 0, status: 'at_risk' }),
    ]);
    expect(p.explanation.zh).toBe('2个镇(街)中1个已完成；进度滞后1个（乙镇）。');
    const yearEnd = (await progress(admin, '2020-12-31'))['镇(街)联系次数'];
    expect(yearEnd.groups[1].status).toBe('at_risk');
    expect((await progress(admin, '2021-01-05'))['镇(街)联系次数'].status).toBe('overdue');
  });

  it('counts a person once however many records name them (R6)', async () => {
    const same = person('1988-02-03');
    await record(unitA, 'employment_placement', localJob(), { person: same });
    await record(
      unitB,
      'employment_placement',
      { ...localJob(), employer: '另一厂' },
      { person: same, date: '2020-06-01' },
    );
    await record(
      unitA,
      'employment_placement',
      { ...localJob(), mode: 'transfer' },
      { person: person('1990-01-01') },
    );
    const p = await progress(admin, '2020-12-31');
    expect(p['就地就近就业人数']).toMatchObject({ value: 1, status: 'at_risk' });
    await record(unitB, 'employment_placement', localJob(false), { person: person('1992-07-08') });
    const after = await progress(admin, '2020-12-31');
    expect(after['就地就近就业人数'].value).toBe(2);
    // Both units placed the same person: each unit's figure counts them, the district total once.
    expect(after['就地就近就业人数'].byUnit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: unitAId, value: 1 }),
        expect.objectContaining({ unitId: unitBId, value: 2 }),
      ]),
    );
    // Ratio of two figures: 1 registered-poor person of 2 placed people.
    expect(after['建档立卡人员占比']).toMatchObject({ value: 50, unit: '%', percent: 62.5 });
  });

  it('sums amounts in the unit of the target (万元)', async () => {
    const donation = { donor: '区总工会', donationType: 'money', beneficiaryKind: 'student' };
    await record(unitA, 'donation', donation, { amountYuan: 6000 });
    await record(unitB, 'donation', donation, { amountYuan: 5000, date: '2020-11-01' });
    const june = await progress(admin, '2020-06-30');
    expect(june['捐助金额']).toMatchObject({ value: 0.6, percent: 60, status: 'on_track' });
    const dec = await progress(admin, '2020-12-31');
    expect(dec['捐助金额']).toMatchObject({ value: 1.1, percent: 110, status: 'done' });
  });

  it('uses the latest manual figure with evidence, overdue when short at its deadline', async () => {
    const add = (asOf: string, value: number) =>
      admin.request({
        method: 'POST',
        url: `/api/indicators/${ids['帮扶资金']}/manual-values`,
        payload: { asOf, value, evidence: '拨付凭证' },
      });
    expect((await progress(admin, '2020-02-01'))['帮扶资金']).toMatchObject({
      value: null,
      status: 'at_risk',
    });
    await add('2020-02-15', 800);
    await add('2020-03-25', 1200);
    expect((await progress(admin, '2020-03-01'))['帮扶资金']).toMatchObject({ value: 800 });
    const april = (await progress(admin, '2020-04-10'))['帮扶资金'];
    expect(april).toMatchObject({ value: 1200, status: 'overdue', dueDate: '2020-03-31' });
    const records = await admin.request({
      method: 'GET',
      url: `/api/progress/${ids['帮扶资金']}/records?asOf=2020-03-01`,
    });
    expect(records.json()).toMatchObject({ measurementKind: 'manual', items: [] });
    expect(records.json().manualValues).toHaveLength(1);
  });

  it('keeps a missed half-year purchasing trip overdue (R7), counting trips by day', async () => {
    const buy = {
      buyer: '区机关食堂',
      buyerKind: 'unit',
      product: '大米',
      method: 'centralised',
      centralisedTrip: true,
    };
    await record(unitA, 'consumption_purchase', buy, { amountYuan: 1000, date: '2020-08-20' });
    await record(
      unitB,
      'consumption_purchase',
      { ...buy, product: '茶叶' },
      { amountYuan: 2000, date: '2020-08-20' },
    );
    const p = (await progress(admin, '2020-09-30'))['集中采购次数'];
    expect(p).toMatchObject({ value: 1, status: 'overdue' });
    expect(p.explanation.zh).toContain('2020-01-01~2020-06-30');
  });

  it('evaluates a per-unit indicator for every member unit', async () => {
    await record(unitA, 'study_session', { topic: '学习扶贫论述' }, { date: '2020-02-01' });
    // After the year: a 2021 record does not count for the 2020 plan.
    await record(unitB, 'study_session', { topic: '新年学习' }, { date: '2021-01-02' });
    const p = (await progress(admin, '2021-01-05'))['单位学习次数'];
    expect(p).toMatchObject({ groupsDone: 1, groupsTotal: 2, status: 'overdue' });
    expect(p.groups.map((g: { name: string; status: string }) => [g.name, g.status])).toEqual([
      ['区人社局', 'done'],
      ['区商务局', 'overdue'],
    ]);
  });
});

describe('records behind a figure', () => {
  it("lists them for the office, and only a unit's own records for a unit", async () => {
    const a = await record(unitA, 'employment_placement', localJob(), { person: person('1980-01-01') });
    const b = await record(unitB, 'employment_placement', localJob(), {
      person: person('1981-01-01'),
      regionCode: VILLAGE_A1,
    });
    const url = `/api/progress/${ids['就地就近就业人数']}/records?asOf=2020-12-31`;
    const all = (await admin.request({ method: 'GET', url })).json();
    expect(all.items.map((r: { id: number }) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(JSON.stringify(all)).not.toMatch(/\d{17}[\dX]/);
    const own = (await unitA.request({ method: 'GET', url })).json();
    expect(own.items.map((r: { id: number }) => r.id)).toEqual([a.id]);
    const inTown = (await admin.request({ method: 'GET', url: `${url}&townCode=${TOWN_A}` })).json();
    expect(inTown.items.map((r: { id: number }) => r.id)).toEqual([b.id]);
    expect(
      (await admin.request({ method: 'GET', url: url.replace('2020-12-31', '2020-01-31') })).json().items,
    ).toEqual([]);
  });

  it('lets every signed-in role read the summary figures', async () => {
    await record(
      unitA,
      'donation',
      { donor: 'x', donationType: 'money', beneficiaryKind: 'family' },
      { amountYuan: 20000 },
    );
    expect((await progress(unitB, '2020-12-31'))['捐助金额'].value).toBe(2);
  });
});

describe('progress routes', () => {
  it('answer 401 without a session', async () => {
    for (const url of [`/api/progress?plan=${planId}`, `/api/progress/${ids['捐助金额']}/records`]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('answer 400 with the parameter path, 404 for an unknown plan', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/progress?plan=${planId}&asOf=2020-13-01` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.asOf');
    expect((await admin.request({ method: 'GET', url: '/api/progress?plan=99999' })).statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: '/api/progress/99999/records' })).statusCode).toBe(404);
  });
});

describe('units reporting in a month (R13)', () => {
  it('counts each unit’s records dated in the month, whatever their type, for every reader', async () => {
    await record(unitA, 'study_session', { topic: '学习扶贫论述', attendees: 12 }, { date: '2020-05-03' });
    await record(
      unitA,
      'donation',
      { donor: '区人社局', donationType: 'money', beneficiaryKind: 'family' },
      { amountYuan: 100 },
    );
    await record(
      unitB,
      'donation',
      { donor: '区商务局', donationType: 'money', beneficiaryKind: 'family' },
      { amountYuan: 100, date: '2020-06-01' },
    );
    const res = await unitB.request({
      method: 'GET',
      url: '/api/progress/reporting?from=2020-05-01&to=2020-05-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { unitId: unitAId, unitName: '区人社局', records: 2, types: ['donation', 'study_session'] },
    ]);
  });

  it('names the wrong end of a reversed period', async () => {
    const res = await admin.request({
      method: 'GET',
      url: '/api/progress/reporting?from=2020-05-31&to=2020-05-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.to');
  });
});
