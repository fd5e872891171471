import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold, syntheticMember, syntheticYear } from '../src/core/households/fixtures';
import { mulberry32 } from '../src/core/identity/random';
import { DEMO_YEAR_CONFIG_2020 } from '../src/core/monitoring/config';
import {
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
  VILLAGE_B1,
  createTestApp,
  expectAudited,
  expectRefused,
  login,
  seedRegions,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let admin: Session;
let townA: Session;
let townB: Session;
const rng = mulberry32(7);

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'clerk-a', role: 'town', regionCode: TOWN_A });
  await seedUser(t.deps, { username: 'clerk-b', role: 'town', regionCode: TOWN_B });
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
  townB = await login(t.app, 'clerk-b');
});
afterEach(() => t.close());

async function setConfig(config = DEMO_YEAR_CONFIG_2020) {
  const res = await admin.request({
    method: 'PUT',
    url: `/api/monitoring/year-configs/${config.year}`,
    payload: config,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A two-adult working household (no children, so education cannot flag). */
async function household(session: Session, village = VILLAGE_A1, attribute = '一般农户') {
  const body = syntheticHousehold(rng, village, {
    attribute: attribute as '一般农户',
    members: [
      syntheticMember(rng, {
        relation: 'head',
        birthDate: '1975-04-01',
        health: 'healthy',
        labour: 'normal',
        disabilityCertificate: null,
        medicalInsurance: true,
        criticalIllnessInsurance: true,
      }),
      syntheticMember(rng, {
        relation: 'spouse',
        birthDate: '1977-08-01',
        health: 'healthy',
        labour: 'normal',
        disabilityCertificate: null,
        medicalInsurance: true,
        criticalIllnessInsurance: true,
      }),
    ],
  });
  const res = await session.request({ method: 'POST', url: '/api/households', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; members: { id: number }[] };
}

const putYear = (session: Session, id: number, perCapita: number, over: object = {}) =>
  session.request({
    method: 'PUT',
    url: `/api/households/${id}/years/2020`,
    payload: { ...cleanYear(perCapita), ...over },
  });

/** A year whose only variable is income: safe house, safe water, no rigid expenditure. */
function cleanYear(perCapita: number) {
  const y = syntheticYear(mulberry32(1), 2, perCapita);
  return {
    ...y,
    econ: { ...y.econ, rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 } },
    housing: { grade: 'A' },
  };
}

describe('assessment and monitoring flags per household-year', () => {
  it('flags income below the monitoring line with the rule, inputs, threshold and explanation', async () => {
    await setConfig();
    const h = await household(townA);
    const { res } = await expectAudited(t.deps, () => putYear(townA, h.id, 5230), {
      action: 'household.year',
      entity: 'household_year',
    });
    const y = res.json();
    expect(y).toMatchObject({
      evaluation: 'evaluated',
      perCapitaNetIncome: 5230,
      householdSize: 2,
      flagged: true,
    });
    const flag = y.flags.find((f: { rule: string }) => f.rule === 'incomeBelowMonitoringLine');
    expect(flag.explanation.zh).toBe('人均纯收入 5,230 元 < 监测线 6,000 元 (= 1.5 × 4,000)');
    expect(flag).toMatchObject({
      suggestedType: 'marginal',
      inputs: { perCapitaNetIncome: 5230 },
      threshold: { monitoringLine: 6000 },
    });
    const income = y.assessment.find((c: { key: string }) => c.key === 'income');
    expect(income).toMatchObject({
      verdict: 'met',
      explanation: { zh: '人均纯收入 5,230 元 ≥ 贫困线 4,000 元' },
    });
  });

  it('does not flag at exactly the monitoring line, and flags one fen below it', async () => {
    await setConfig();
    const h = await household(townA);
    expect((await putYear(townA, h.id, 6000)).json()).toMatchObject({ flagged: false, flags: [] });
    const below = (await putYear(townA, h.id, 5999.99)).json();
    expect(below.flags.map((f: { rule: string }) => f.rule)).toEqual(['incomeBelowMonitoringLine']);
  });

  it('suggests 脱贫不稳定户 for a household that was poor before', async () => {
    await setConfig();
    const h = await household(townA, VILLAGE_A1, '脱贫户');
    const y = (await putYear(townA, h.id, 5000)).json();
    expect(y.flags[0]).toMatchObject({ suggestedType: 'unstable', suggestedTypeZh: '脱贫不稳定户' });
  });

  it('flags large rigid expenditure and an unsafe house, each explained', async () => {
    await setConfig();
    const h = await household(townA);
    const y = (
      await putYear(townA, h.id, 8000, {
        econ: {
          ...cleanYear(8000).econ,
          rigidExpenditure: { medical: 30000, education: 0, disaster: 0, other: 0 },
        },
        housing: { grade: 'D' },
      })
    ).json();
    const rules = y.flags.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['rigidExpenditure', 'criterionNotMet']));
    const rigid = y.flags.find((f: { rule: string }) => f.rule === 'rigidExpenditure');
    expect(rigid.explanation.zh).toContain('刚性支出 30,000 元（医疗 30,000 元）');
    const housing = y.flags.find((f: { criterionKey?: string }) => f.criterionKey === 'housing');
    expect(housing.explanation.zh).toContain('D 级危房');
  });

  it('re-evaluates when a member changes (whole household without labour)', async () => {
    await setConfig();
    const h = await household(townA);
    expect((await putYear(townA, h.id, 9000)).json().flagged).toBe(false);
    for (const m of h.members) {
      const r = await townA.request({
        method: 'PATCH',
        url: `/api/households/${h.id}/members/${m.id}`,
        payload: { labour: 'lost' },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const y = (await townA.request({ method: 'GET', url: `/api/households/${h.id}/years/2020` })).json();
    expect(y.flags.map((f: { rule: string }) => f.rule)).toEqual(['noLabourCapacity']);
    expect(y.flags[0].explanation.zh).toBe('整户无劳动能力：2 名成员均为丧失劳动力或无劳动力');
  });

  it('stores economics without a verdict until the year is configured, then re-evaluates the year in bulk', async () => {
    const h = await household(townA);
    const before = (await putYear(townA, h.id, 5000)).json();
    expect(before).toMatchObject({ evaluation: 'no_config', flagged: false, assessment: [] });
    const set = await setConfig();
    expect(set).toMatchObject({ reevaluated: 1, flagged: 1 });
    const after = (await townA.request({ method: 'GET', url: `/api/households/${h.id}/years/2020` })).json();
    expect(after).toMatchObject({ evaluation: 'evaluated', flagged: true });
    // A stricter line re-flags on the bulk path.
    await setConfig({ ...DEMO_YEAR_CONFIG_2020, povertyLine: 3000 });
    const relaxed = (
      await townA.request({ method: 'GET', url: `/api/households/${h.id}/years/2020` })
    ).json();
    expect(relaxed.flags).toEqual([]);
  });

  it('bulk re-evaluation is the office’s, audited once, and agrees with the per-change path', async () => {
    await setConfig();
    const ids = [];
    for (const pc of [4000, 7000, 5500]) {
      const h = await household(townA);
      await putYear(townA, h.id, pc);
      ids.push(h.id);
    }
    const perChange = await Promise.all(
      ids.map(async (id) =>
        (await admin.request({ method: 'GET', url: `/api/households/${id}/years/2020` })).json(),
      ),
    );
    const { res } = await expectAudited(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/households/re-evaluate', payload: { year: 2020 } }),
      { action: 'household.reevaluate', entity: 'household_year' },
    );
    expect(res.json()).toMatchObject({ year: 2020, evaluated: 3, flagged: 2 });
    // Setting the same thresholds again: the year is current (each write evaluated its household).
    expect(await setConfig()).toMatchObject({ reevaluated: 0, flagged: 2 });
    for (const [i, id] of ids.entries()) {
      const bulk = (await admin.request({ method: 'GET', url: `/api/households/${id}/years/2020` })).json();
      expect({ ...bulk, evaluatedAt: null }).toEqual({ ...perChange[i], evaluatedAt: null });
    }
    await expectRefused(
      t.deps,
      () => townA.request({ method: 'POST', url: '/api/households/re-evaluate', payload: { year: 2020 } }),
      {
        status: 403,
      },
    );
    await expectRefused(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/households/re-evaluate', payload: { year: 2031 } }),
      {
        status: 409,
      },
    );
  });

  it('refuses a year body with a located error and an unconfigured year lookup with 404', async () => {
    const h = await household(townA);
    const res = await expectRefused(t.deps, () => putYear(townA, h.id, 5000, { housing: { grade: 'E' } }), {
      status: 400,
      code: 'validation',
    });
    expect(res.json().error.details[0].path).toBe('housing.grade');
    expect(
      (await admin.request({ method: 'GET', url: '/api/monitoring/year-configs/2031' })).statusCode,
    ).toBe(404);
  });
});

describe('configured years', () => {
  it('lists every configured year newest first, to any signed-in user; only the office sets one', async () => {
    expect((await townA.request({ method: 'GET', url: '/api/monitoring/year-configs' })).json()).toEqual({
      items: [],
    });
    await setConfig();
    await setConfig({ ...DEMO_YEAR_CONFIG_2020, year: 2019, povertyLine: 3750 });
    const res = await townA.request({ method: 'GET', url: '/api/monitoring/year-configs' });
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((c: { year: number; povertyLine: number }) => [c.year, c.povertyLine]),
    ).toEqual([
      [2020, 4000],
      [2019, 3750],
    ]);
    await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'PUT',
          url: '/api/monitoring/year-configs/2021',
          payload: { ...DEMO_YEAR_CONFIG_2020, year: 2021 },
        }),
      { status: 403 },
    );
  });
});

describe('watch list, deep difficulty, measures and timeline', () => {
  it('gives each town its watch list, scoped', async () => {
    await setConfig();
    const a1 = await household(townA);
    const a2 = await household(townA);
    const b1 = await household(admin, VILLAGE_B1);
    await putYear(townA, a1.id, 5000);
    await putYear(townA, a2.id, 9000);
    await putYear(admin, b1.id, 3000);
    const all = (await admin.request({ method: 'GET', url: '/api/households/watch-list?year=2020' })).json();
    expect(all.towns).toEqual([
      expect.objectContaining({
        townCode: TOWN_A,
        townName: '甲镇',
        households: 2,
        flagged: 1,
        flaggedNotMonitored: 1,
        byRule: { incomeBelowMonitoringLine: 1 },
      }),
      expect.objectContaining({ townCode: TOWN_B, households: 1, flagged: 1 }),
    ]);
    const mine = (await townB.request({ method: 'GET', url: '/api/households/watch-list?year=2020' })).json();
    expect(mine.towns.map((x: { townCode: string }) => x.townCode)).toEqual([TOWN_B]);
    const flaggedA = (
      await townA.request({ method: 'GET', url: '/api/households?year=2020&flagged=true' })
    ).json();
    expect(flaggedA.items.map((i: { id: number }) => i.id)).toEqual([a1.id]);
    expect(flaggedA.items[0]).toMatchObject({
      flagged: true,
      flagRules: ['incomeBelowMonitoringLine'],
      perCapitaNetIncome: 5000,
    });
  });

  it('derives deep-difficulty groups and lists those still without a targeted measure', async () => {
    const h = await household(townA);
    const ill = h.members[1]!;
    await townA.request({
      method: 'PATCH',
      url: `/api/households/${h.id}/members/${ill.id}`,
      payload: { health: 'serious', labour: 'lost' },
    });
    const detail = (await townA.request({ method: 'GET', url: `/api/households/${h.id}` })).json();
    expect(detail.deepGroups).toEqual(['incapacitated', 'seriouslyIll']);
    expect(detail.members[1].deepGroups).toEqual(['incapacitated', 'seriouslyIll']);
    const without = (
      await townA.request({ method: 'GET', url: '/api/households?withoutMeasure=true' })
    ).json();
    expect(without.items.map((i: { id: number }) => i.id)).toEqual([h.id]);
    const summary = (await townA.request({ method: 'GET', url: '/api/households/deep-difficulty' })).json();
    expect(summary.groups.find((g: { group: string }) => g.group === 'seriouslyIll')).toMatchObject({
      households: 1,
      members: 1,
      withoutMeasure: 1,
    });

    await expectAudited(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: `/api/households/${h.id}/measures`,
          payload: {
            type: 'health',
            deepGroup: 'seriouslyIll',
            memberId: ill.id,
            description: '大病救助与家庭医生签约',
            startDate: '2020-05-01',
          },
        }),
      { action: 'household.measure_add', entity: 'household_measure', status: 201 },
    );
    const stillIncapacitated = (
      await townA.request({ method: 'GET', url: '/api/households/deep-difficulty' })
    ).json();
    expect(
      stillIncapacitated.groups.find((g: { group: string }) => g.group === 'seriouslyIll').withoutMeasure,
    ).toBe(0);
    expect(
      stillIncapacitated.groups.find((g: { group: string }) => g.group === 'incapacitated').withoutMeasure,
    ).toBe(1);
    // Measures are per category: the care need (失能) is still uncovered, the illness no longer is; the
    // list agrees with the summary's counts.
    const ids = async (query: string) =>
      (await townA.request({ method: 'GET', url: `/api/households?${query}` }))
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await ids('withoutMeasure=true')).toEqual([h.id]);
    expect(await ids('withoutMeasure=true&deepGroup=incapacitated')).toEqual([h.id]);
    expect(await ids('withoutMeasure=true&deepGroup=seriouslyIll')).toEqual([]);
    const measures = (await townA.request({ method: 'GET', url: `/api/households/${h.id}/measures` })).json();
    expect(measures.items[0]).toMatchObject({
      type: 'health',
      typeZh: '健康帮扶',
      group: 'security',
      groupZh: '保障',
    });
  });

  it('sets a group by hand with evidence: in the group filter and the without-measure list, audited', async () => {
    const h = await household(townA);
    const m = h.members[0]!;
    const url = `/api/households/${h.id}/members/${m.id}`;
    const evidence = '民政局特困供养证 编号 TK-2020-0317';
    const ids = async (query: string) =>
      (await townA.request({ method: 'GET', url: `/api/households?${query}` }))
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await ids('deepGroup=specialHardship')).toEqual([]);

    const { res, row } = await expectAudited(
      t.deps,
      () =>
        townA.request({
          method: 'PATCH',
          url,
          payload: { deepGroupsManual: [{ group: 'specialHardship', evidence: ` ${evidence} ` }] },
        }),
      { action: 'household.member_update', entity: 'household_member' },
    );
    expect(res.json().members[0]).toMatchObject({
      deepGroups: ['specialHardship'],
      deepGroupsManual: [{ group: 'specialHardship', evidence }],
    });
    expect(res.json().deepGroups).toEqual(['specialHardship']);
    // The audit row says who set which group on what evidence, with the groups as they now are.
    expect(row.before).toMatchObject({ deepGroupsManual: [] });
    expect((row.before as { deepGroups: string[] }).deepGroups).not.toContain('specialHardship');
    expect(row.after).toMatchObject({
      deepGroups: ['specialHardship'],
      deepGroupsManual: [{ group: 'specialHardship', evidence }],
    });

    expect(await ids('deepGroup=specialHardship')).toEqual([h.id]);
    expect(await ids('withoutMeasure=true')).toEqual([h.id]);
    expect(await ids('withoutMeasure=true&deepGroup=specialHardship')).toEqual([h.id]);
    const summary = (await townA.request({ method: 'GET', url: '/api/households/deep-difficulty' })).json();
    expect(summary.groups.find((g: { group: string }) => g.group === 'specialHardship')).toMatchObject({
      households: 1,
      members: 1,
      withoutMeasure: 1,
    });
    // Town B cannot set one on town A's member (404 as for an absent household), and nothing is audited.
    await expectRefused(
      t.deps,
      () =>
        townB.request({
          method: 'PATCH',
          url,
          payload: { deepGroupsManual: [{ group: 'seriouslyIll', evidence }] },
        }),
      { status: 404 },
    );

    // A measure aimed at the group takes the household off the list; taking the group off ends it.
    const measure = await townA.request({
      method: 'POST',
      url: `/api/households/${h.id}/measures`,
      payload: {
        type: 'socialProtection',
        deepGroup: 'specialHardship',
        memberId: m.id,
        description: '特困供养金按月发放',
        startDate: '2020-04-01',
      },
    });
    expect(measure.statusCode, measure.body).toBe(201);
    expect(await ids('withoutMeasure=true')).toEqual([]);
    await expectAudited(
      t.deps,
      () => townA.request({ method: 'PATCH', url, payload: { deepGroupsManual: [] } }),
      { action: 'household.member_update', entity: 'household_member' },
    );
    expect(await ids('deepGroup=specialHardship')).toEqual([]);
  });

  it('refuses a hand-set group without evidence, of an unknown kind or set twice, located, changing nothing', async () => {
    const h = await household(townA);
    const m = h.members[0]!;
    const paths = async (deepGroupsManual: unknown, member = true) => {
      const res = await expectRefused(
        t.deps,
        () =>
          townA.request(
            member
              ? {
                  method: 'PATCH',
                  url: `/api/households/${h.id}/members/${m.id}`,
                  payload: { deepGroupsManual },
                }
              : {
                  method: 'POST',
                  url: `/api/households/${h.id}/members`,
                  payload: { ...syntheticMember(rng, { relation: 'son' }), deepGroupsManual },
                },
          ),
        { status: 400, code: 'validation' },
      );
      return res.json().error.details.map((d: { path: string }) => d.path);
    };
    expect(await paths([{ group: 'specialHardship', evidence: '   ' }])).toEqual([
      'deepGroupsManual.0.evidence',
    ]);
    expect(await paths([{ group: 'specialHardship' }])).toEqual(['deepGroupsManual.0.evidence']);
    expect(await paths([{ group: 'poor', evidence: '证明' }])).toEqual(['deepGroupsManual.0.group']);
    expect(
      await paths([
        { group: 'seriouslyIll', evidence: '县医院诊断证明' },
        { group: 'seriouslyIll', evidence: '另一份证明' },
      ]),
    ).toEqual(['deepGroupsManual.1.group']);
    expect(await paths([{ group: 'incapacitated', evidence: '' }], false)).toEqual([
      'deepGroupsManual.0.evidence',
    ]);
    const detail = (await townA.request({ method: 'GET', url: `/api/households/${h.id}` })).json();
    expect(detail.members.map((x: { deepGroupsManual: unknown[] }) => x.deepGroupsManual)).toEqual([[], []]);
  });

  it('refuses an unknown measure type and keeps a timeline of everything', async () => {
    await setConfig();
    const h = await household(townA);
    await putYear(townA, h.id, 5000);
    const bad = await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: `/api/households/${h.id}/measures`,
          payload: { type: 'magic', description: 'x', startDate: '2020-01-01' },
        }),
      { status: 400 },
    );
    expect(bad.json().error.details[0].path).toBe('type');
    const m = h.members[0]!;
    const edit = await townA.request({
      method: 'PATCH',
      url: `/api/households/${h.id}/members/${m.id}`,
      payload: { labour: 'weak', outOfSchoolForHealth: false },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const tl = (await townA.request({ method: 'GET', url: `/api/households/${h.id}/timeline` })).json();
    expect(tl.items.map((i: { kind: string }) => i.kind)).toEqual([
      'member.update',
      'household.year',
      'household.create',
    ]);
    // The fields a clerk changed, in the words of the form and the ledger (not code names).
    expect(tl.items[0].summary.zh).toMatch(/^修改成员 .+：因身体原因不在校、劳动技能$/);
    expect(tl.items[1].summary.zh).toContain('触发 人均纯收入低于监测线');
  });
});
