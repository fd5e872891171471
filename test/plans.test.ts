import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractPlan } from '../src/core/plan/extract-plan';
import { acceptDraft } from '../src/core/progress/suggest';
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

const SOURCE = readFileSync(
  new URL('../src/core/plan/fixtures/work-plan-2020.zh.txt', import.meta.url),
  'utf8',
);

let t: TestContext;
let admin: Session;
let unitUser: Session;
let leader: Session;
let unitId: number;

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  unitId = await seedUnit(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'unit-user', role: 'unit', unitId });
  await seedUser(t.deps, { username: 'leader', role: 'leader' });
  admin = await login(t.app, 'admin');
  unitUser = await login(t.app, 'unit-user');
  leader = await login(t.app, 'leader');
});
afterEach(() => t.close());

async function createPlan2020() {
  const res = await admin.request({
    method: 'POST',
    url: '/api/plans',
    payload: acceptDraft(extractPlan(SOURCE)),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const allIndicators = (plan: { sections: { clauses: { indicators: { id: number; name: string }[] }[] }[] }) =>
  plan.sections.flatMap((s) => s.clauses.flatMap((c) => c.indicators));

const visitIndicator = {
  name: '区领导调研次数',
  measurement: { kind: 'count', recordType: 'leadership_visit', filter: { visitorLevel: 'district' } },
  comparison: 'gte',
  value: 2,
  unit: '次',
};

describe('plan from pasted text', () => {
  it('extracts a draft with the 11 targets of the 2020 plan and a proposed measurement for each', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/plans/extract', payload: { text: SOURCE } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.draft.year).toBe(2020);
    expect(body.suggestions).toHaveLength(11);
    const byName = Object.fromEntries(
      body.suggestions.map((s: { name: string; suggestion: unknown }) => [s.name, s.suggestion]),
    );
    expect(byName['就地就近就业贫困人口']).toMatchObject({
      measurement: { kind: 'distinct_people', recordType: 'employment_placement', filter: { mode: 'local' } },
    });
    expect(byName['镇(街)主要负责同志到被帮扶乡(镇)、村联系次数']).toMatchObject({ scope: 'town' });
    expect(byName['年捐助金额']).toMatchObject({ measurement: { kind: 'sum', field: 'amountYuan' } });
    expect(byName['帮扶资金']).toMatchObject({ measurement: { kind: 'manual' } });
  });

  it('saves a confirmed plan with sections, clauses and source text, audited once', async () => {
    const { res } = await expectAudited(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/plans', payload: acceptDraft(extractPlan(SOURCE)) }),
      { action: 'plan.create', entity: 'plan', status: 201 },
    );
    const plan = res.json();
    expect(plan.year).toBe(2020);
    const indicators = allIndicators(plan);
    expect(indicators).toHaveLength(11);
    const funds = indicators.find((i) => i.name === '帮扶资金') as unknown as Record<string, unknown>;
    expect(funds).toMatchObject({ value: 1500, unit: '万元', dueDate: '2020-03-31', clauseRef: '三(一)2' });
    const clause = plan.sections
      .flatMap((s: { clauses: { ref: string; text: string }[] }) => s.clauses)
      .find((c: { ref: string }) => c.ref === '三(一)2');
    expect(clause.text).toContain('1500 万元');
    const list = (await leader.request({ method: 'GET', url: '/api/plans' })).json();
    expect(list.items).toEqual([expect.objectContaining({ year: 2020, indicatorCount: 11 })]);
  });

  it('refuses a second plan for the same year with 409 on the year', async () => {
    await createPlan2020();
    const res = await expectRefused(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/plans', payload: acceptDraft(extractPlan(SOURCE)) }),
      { status: 409, code: 'conflict' },
    );
    expect(res.json().error.details[0].path).toBe('year');
  });

  it('locates a bad filter field of an indicator in the plan body', async () => {
    const body = acceptDraft(extractPlan(SOURCE));
    const clause = body.sections.flatMap((s) => s.clauses).find((c) => c.indicators.length)!;
    clause.indicators[0]!.measurement = {
      kind: 'count',
      recordType: 'leadership_visit',
      filter: { rank: 'x' },
    };
    const res = await expectRefused(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/plans', payload: body }),
      {
        status: 400,
        code: 'validation',
      },
    );
    expect(res.json().error.details[0].path).toMatch(
      /^sections\.\d+\.clauses\.\d+\.indicators\.0\.measurement\.filter\.rank$/,
    );
  });

  it('lets units and leaders read the plan but not change it', async () => {
    const plan = await createPlan2020();
    expect((await unitUser.request({ method: 'GET', url: `/api/plans/${plan.id}` })).statusCode).toBe(200);
    await expectRefused(
      t.deps,
      () =>
        unitUser.request({ method: 'POST', url: '/api/plans', payload: acceptDraft(extractPlan(SOURCE)) }),
      { status: 403, code: 'forbidden' },
    );
    await expectRefused(
      t.deps,
      () =>
        leader.request({ method: 'POST', url: `/api/plans/${plan.id}/indicators`, payload: visitIndicator }),
      { status: 403 },
    );
    await expectRefused(
      t.deps,
      () => unitUser.request({ method: 'POST', url: '/api/plans/extract', payload: { text: SOURCE } }),
      { status: 403 },
    );
  });
});

describe('indicator CRUD', () => {
  it('adds, changes and deletes an indicator, each audited once', async () => {
    const plan = await createPlan2020();
    const { res } = await expectAudited(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: `/api/plans/${plan.id}/indicators`,
          payload: { ...visitIndicator, scope: 'district', leadUnitId: unitId },
        }),
      { action: 'indicator.create', entity: 'indicator', status: 201 },
    );
    const id = res.json().id;
    expect(res.json()).toMatchObject({ dueDate: '2020-12-31', leadUnitId: unitId, clauseId: null });
    const { row } = await expectAudited(
      t.deps,
      () => admin.request({ method: 'PATCH', url: `/api/indicators/${id}`, payload: { value: 3 } }),
      { action: 'indicator.update', entity: 'indicator' },
    );
    expect(row.before).toMatchObject({ value: 2 });
    expect(row.after).toMatchObject({ value: 3 });
    await expectAudited(t.deps, () => admin.request({ method: 'DELETE', url: `/api/indicators/${id}` }), {
      action: 'indicator.delete',
      entity: 'indicator',
    });
    expect((await admin.request({ method: 'GET', url: `/api/indicators/${id}` })).statusCode).toBe(404);
  });

  it('updates the title of a plan, audited', async () => {
    const plan = await createPlan2020();
    await expectAudited(
      t.deps,
      () => admin.request({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { title: '新标题' } }),
      { action: 'plan.update', entity: 'plan' },
    );
  });

  it('checks the merged indicator on a partial update (a range needs its upper bound)', async () => {
    const plan = await createPlan2020();
    const id = allIndicators(plan).find((i) => i.name === '特色产业基地数')!.id;
    const res = await expectRefused(
      t.deps,
      () =>
        admin.request({ method: 'PATCH', url: `/api/indicators/${id}`, payload: { comparison: 'range' } }),
      { status: 400, code: 'validation' },
    );
    expect(res.json().error.details[0].path).toBe('valueMax');
  });

  it('answers 400 with the field path for a malformed indicator', async () => {
    const plan = await createPlan2020();
    const res = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: `/api/plans/${plan.id}/indicators`,
          payload: { ...visitIndicator, measurement: { kind: 'count', recordType: 'no_such_type' } },
        }),
      { status: 400, code: 'validation' },
    );
    expect(res.json().error.details[0].path).toMatch(/^measurement/);
    const unitRes = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: `/api/plans/${plan.id}/indicators`,
          payload: { ...visitIndicator, leadUnitId: 9999 },
        }),
      { status: 400 },
    );
    expect(unitRes.json().error.details[0].path).toBe('leadUnitId');
  });

  it('takes manual figures with evidence only for manual indicators, audited', async () => {
    const plan = await createPlan2020();
    const funds = allIndicators(plan).find((i) => i.name === '帮扶资金')!.id;
    const bases = allIndicators(plan).find((i) => i.name === '特色产业基地数')!.id;
    await expectAudited(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: `/api/indicators/${funds}/manual-values`,
          payload: { asOf: '2020-03-20', value: 1500, evidence: '区财政局拨付凭证 2020-03-20' },
        }),
      { action: 'indicator.manual_value', entity: 'indicator', status: 201 },
    );
    await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: `/api/indicators/${bases}/manual-values`,
          payload: { asOf: '2020-03-20', value: 5, evidence: 'x' },
        }),
      { status: 409 },
    );
    const res = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: `/api/indicators/${funds}/manual-values`,
          payload: { asOf: '2020-03-20', value: 5 },
        }),
      { status: 400 },
    );
    expect(res.json().error.details[0].path).toBe('evidence');
    const list = (
      await leader.request({ method: 'GET', url: `/api/indicators/${funds}/manual-values` })
    ).json();
    expect(list.items).toEqual([expect.objectContaining({ value: 1500, asOf: '2020-03-20' })]);
  });
});

describe('plan routes without a session', () => {
  it('answer 401 on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/plans'],
      ['POST', '/api/plans'],
      ['POST', '/api/plans/extract'],
      ['GET', '/api/plans/1'],
      ['PATCH', '/api/plans/1'],
      ['POST', '/api/plans/1/indicators'],
      ['GET', '/api/indicators/1'],
      ['PATCH', '/api/indicators/1'],
      ['DELETE', '/api/indicators/1'],
      ['GET', '/api/indicators/1/manual-values'],
      ['POST', '/api/indicators/1/manual-values'],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
