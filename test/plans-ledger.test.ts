import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
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
let unitAId: number;
let unitBId: number;

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  unitAId = await seedUnit(t.deps, '区人社局');
  unitBId = await seedUnit(t.deps, '区商务局');
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'unit-a', role: 'unit', unitId: unitAId });
  await seedUser(t.deps, { username: 'unit-b', role: 'unit', unitId: unitBId });
  await seedUser(t.deps, { username: 'leader', role: 'leader' });
  admin = await login(t.app, 'admin');
  unitA = await login(t.app, 'unit-a');
  unitB = await login(t.app, 'unit-b');
  leader = await login(t.app, 'leader');
});
afterEach(() => t.close());

const PLAN = {
  responsiblePerson: '王局长',
  responsibleTitle: '党组书记、局长',
  focus: '结对县贫困劳动力就业',
  measures: ['组织专场招聘会', '开展技能培训'],
  targets: [{ text: '帮助就地就近就业', value: 10, unit: '人' }],
  plannedMoneyYuan: 200000,
  plannedMaterials: '培训教材500套',
  plannedIncomeIncreaseYuan: 300000,
};
const ENTRY = {
  date: '2020-04-02',
  measure: '专场招聘会',
  moneyYuan: 30000,
  materialsValueYuan: 5000,
  households: 12,
  incomeIncreaseYuan: 48000,
};
const put = (s: Session, unitId: number, body: object = PLAN) =>
  s.request({ method: 'PUT', url: `/api/unit-plans/${unitId}/2020`, payload: body });
const addEntry = (s: Session, unitId: number, body: object = ENTRY) =>
  s.request({ method: 'POST', url: `/api/unit-plans/${unitId}/2020/entries`, payload: body });

describe('unit plans and ledgers (R2)', () => {
  it('lets a unit write its plan and ledger, totals summed, every change audited', async () => {
    await expectAudited(t.deps, () => put(unitA, unitAId), {
      action: 'unit_plan.create',
      entity: 'unit_plan',
    });
    const { row } = await expectAudited(
      t.deps,
      () => put(unitA, unitAId, { ...PLAN, responsiblePerson: '李局长' }),
      {
        action: 'unit_plan.update',
        entity: 'unit_plan',
      },
    );
    expect(row.before).toMatchObject({ responsiblePerson: '王局长' });
    const { res } = await expectAudited(t.deps, () => addEntry(unitA, unitAId), {
      action: 'ledger_entry.create',
      entity: 'ledger_entry',
      status: 201,
    });
    const entryId = res.json().id;
    await addEntry(unitA, unitAId, { ...ENTRY, date: '2020-06-01', moneyYuan: 20000, households: 3 });
    const plan = (await unitA.request({ method: 'GET', url: `/api/unit-plans/${unitAId}/2020` })).json();
    expect(plan).toMatchObject({
      responsiblePerson: '李局长',
      plannedMoneyYuan: 200000,
      totals: {
        entries: 2,
        moneyYuan: 50000,
        households: 15,
        incomeIncreaseYuan: 96000,
        materialsValueYuan: 10000,
      },
    });
    expect(plan.entries.map((e: { date: string }) => e.date)).toEqual(['2020-04-02', '2020-06-01']);
    await expectAudited(
      t.deps,
      () =>
        unitA.request({
          method: 'PUT',
          url: `/api/ledger-entries/${entryId}`,
          payload: { ...ENTRY, moneyYuan: 1 },
        }),
      { action: 'ledger_entry.update', entity: 'ledger_entry' },
    );
    await expectAudited(
      t.deps,
      () => unitA.request({ method: 'DELETE', url: `/api/ledger-entries/${entryId}` }),
      {
        action: 'ledger_entry.delete',
        entity: 'ledger_entry',
      },
    );
    const list = (await leader.request({ method: 'GET', url: '/api/unit-plans?year=2020' })).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        unitName: '区人社局',
        totals: expect.objectContaining({ entries: 1, moneyYuan: 20000 }),
      }),
    ]);
  });

  it("keeps a unit out of another unit's plan and ledger", async () => {
    await put(unitA, unitAId);
    const entryId = (await addEntry(unitA, unitAId)).json().id;
    expect((await unitB.request({ method: 'GET', url: `/api/unit-plans/${unitAId}/2020` })).statusCode).toBe(
      404,
    );
    expect((await unitB.request({ method: 'GET', url: '/api/unit-plans?year=2020' })).json().items).toEqual(
      [],
    );
    await expectRefused(t.deps, () => put(unitB, unitAId), { status: 403, code: 'forbidden' });
    await expectRefused(t.deps, () => addEntry(unitB, unitAId), { status: 403 });
    await expectRefused(
      t.deps,
      () => unitB.request({ method: 'PUT', url: `/api/ledger-entries/${entryId}`, payload: ENTRY }),
      { status: 404 },
    );
    await expectRefused(
      t.deps,
      () => unitB.request({ method: 'DELETE', url: `/api/ledger-entries/${entryId}` }),
      {
        status: 404,
      },
    );
    await expectRefused(t.deps, () => put(leader, unitAId), { status: 403 });
  });

  it('lets the office write any unit plan', async () => {
    await expectAudited(t.deps, () => put(admin, unitBId), {
      action: 'unit_plan.create',
      entity: 'unit_plan',
    });
  });

  it('answers 400 with the field path, and asks for the plan before ledger entries', async () => {
    const res = await expectRefused(t.deps, () => put(unitA, unitAId, { ...PLAN, responsiblePerson: '' }), {
      status: 400,
      code: 'validation',
    });
    expect(res.json().error.details[0].path).toBe('responsiblePerson');
    const noPlan = await expectRefused(t.deps, () => addEntry(unitA, unitAId), { status: 404 });
    expect(noPlan.json().error.message.zh).toContain('帮扶计划');
    await put(unitA, unitAId);
    const wrongYear = await expectRefused(
      t.deps,
      () => addEntry(unitA, unitAId, { ...ENTRY, date: '2021-01-01' }),
      {
        status: 400,
      },
    );
    expect(wrongYear.json().error.details[0].path).toBe('date');
    const badMoney = await expectRefused(
      t.deps,
      () => addEntry(unitA, unitAId, { ...ENTRY, moneyYuan: -1 }),
      {
        status: 400,
      },
    );
    expect(badMoney.json().error.details[0].path).toBe('moneyYuan');
  });

  it('answers 401 without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/unit-plans?year=2020'],
      ['GET', `/api/unit-plans/${unitAId}/2020`],
      ['PUT', `/api/unit-plans/${unitAId}/2020`],
      ['POST', `/api/unit-plans/${unitAId}/2020/entries`],
      ['PUT', '/api/ledger-entries/1'],
      ['DELETE', '/api/ledger-entries/1'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
