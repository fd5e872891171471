import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import type { ActivityType } from '../../../core/activities/activities.schemas';
import { halfOf } from '../../../core/activities/activities.schemas';
import { isoDateToDayNumber, dayNumberToIsoDate } from '../../../core/identity/dates';
import { mulberry32, pick, randomInt, type Rng } from '../../../core/identity/random';
import { makeSyntheticIdNumber } from '../../../core/identity/synthetic';
import { extractPlan } from '../../../core/plan/extract-plan';
import { acceptDraft } from '../../../core/progress/suggest';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { activities, indicatorManualValues, planIndicators, regions, units } from '../../db/schema';
import type { Deps } from '../../deps';
import { insertPlan } from '../plans/plans.service';

/** The source plan, copied beside the extractor's tests. */
export const DEMO_PLAN_TEXT = new URL('../../../core/plan/fixtures/work-plan-2020.zh.txt', import.meta.url);
/**
 * The date at which the demo year shows every status: done, on track, at risk (district visits, towns not
 * yet visited, local employment, units' study) and one overdue (no centralised purchasing trip in the
 * first half of 2020). At the year's end most targets are done and the missed half stays overdue.
 */
export const DEMO_PROGRESS_DATE = '2020-09-30';

type Row = typeof activities.$inferInsert;

interface Ctx {
  rng: Rng;
  deps: Deps;
  rows: Row[];
  unit: (key: string) => { id: number; kind: string; regionCode: string | null };
  paired: { code: string; level: string; parentCode: string | null }[];
}

const date = (rng: Rng, from: string, to: string) =>
  dayNumberToIsoDate(randomInt(rng, isoDateToDayNumber(from), isoDateToDayNumber(to)));

function add(
  ctx: Ctx,
  unitName: string,
  type: ActivityType,
  day: string,
  details: Record<string, unknown>,
  extra: Partial<Row> = {},
) {
  const unit = ctx.unit(unitName);
  const place = extra.regionCode ?? pick(ctx.rng, ctx.paired).code;
  ctx.rows.push({
    type,
    date: day,
    unitId: unit.id,
    regionCode: place,
    countyCode: place.slice(0, 6),
    townCode: unit.kind === 'town_office' ? unit.regionCode : null,
    details: type === 'consumption_purchase' ? { ...details, half: halfOf(day) } : details,
    evidence: [],
    ...extra,
  });
}

/** A synthetic person from the paired county (fictional address code), encrypted and hashed like real input. */
function person(ctx: Ctx, name: string) {
  const id = makeSyntheticIdNumber(ctx.rng, {
    addressCode: '349921',
    birthDate: date(ctx.rng, '1965-01-01', '2000-12-31'),
  });
  return { personName: name, personHash: ctx.deps.pii.hash(id), personIdEnc: ctx.deps.pii.encrypt(id) };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const personName = (rng: Rng) => pick(rng, [...SURNAMES]) + pick(rng, [...GIVEN]) + pick(rng, [...GIVEN]);

/** A year of records, shaped so the demo shows every status at DEMO_PROGRESS_DATE (see above). */
function generate(ctx: Ctx, memberNames: string[], townOffices: string[]) {
  const { rng } = ctx;
  // R1 district leaders: one visit before autumn, one in October (at risk on 30 September).
  add(ctx, '区政府办公室', 'leadership_visit', '2020-04-16', {
    visitorLevel: 'district',
    visitor: '区长',
    purpose: '调研结对帮扶和产业合作',
    findings: '确定特色产业基地建设',
  });
  add(ctx, '区委办公室', 'leadership_visit', '2020-10-22', {
    visitorLevel: 'district',
    visitor: '区委书记',
    purpose: '调研脱贫攻坚收官工作',
  });
  add(ctx, '区政府办公室', 'leadership_visit', '2020-06-09', {
    visitorLevel: 'city',
    visitor: '副市长',
    purpose: '协助市领导调研',
  });
  // R1 towns: six of eight visit before 30 September, the last two in November.
  townOffices.forEach((name, i) =>
    add(
      ctx,
      name,
      'leadership_visit',
      i < 6 ? date(rng, '2020-03-01', '2020-09-20') : date(rng, '2020-11-01', '2020-11-30'),
      {
        visitorLevel: 'town',
        visitor: `${name.replace(/人民政府|办事处/, '')}党(工)委书记`,
        purpose: '到被帮扶乡(镇)、村联系',
      },
    ),
  );
  // R4 industry bases (6, done) and one cooperative (done).
  for (const [i, industry] of ['茶叶', '蔬菜', '中药材', '水产', '食用菌', '林果'].entries())
    add(ctx, '区农业农村局', 'industry_base', date(rng, '2020-02-01', '2020-08-31'), {
      name: `${industry}特色产业基地`,
      industry,
      poorEmployed: randomInt(rng, 5, 40) + i,
    });
  add(ctx, '区商务局', 'cooperation_org', '2020-06-18', { name: '示范茶叶专业合作社', kind: 'cooperative' });
  // R6 transfers: three people, one placed twice (counted once).
  const transferred = [0, 1, 2].map(() => person(ctx, personName(rng)));
  transferred.forEach((p, i) =>
    add(
      ctx,
      '区人力资源和社会保障局',
      'employment_placement',
      date(rng, '2020-03-01', '2020-07-31'),
      {
        mode: 'transfer',
        registeredPoor: true,
        employer: '示范区某制造企业',
        startDate: '2020-04-01',
        monthlyWage: 3500 + i * 200,
      },
      p,
    ),
  );
  add(
    ctx,
    '区人力资源和社会保障局',
    'employment_placement',
    '2020-08-15',
    {
      mode: 'transfer',
      registeredPoor: true,
      employer: '示范区某物流企业',
      startDate: '2020-08-15',
      monthlyWage: 3800,
    },
    transferred[0],
  );
  // R6 local jobs: 14 people by 30 September (phasing expects 15: at risk), 22 by December.
  const employers = [
    '区城市建设投资公司',
    '区国有资产投资控股公司',
    '区人力资源和社会保障局',
    '区经济和信息化局',
  ];
  for (let i = 0; i < 22; i++) {
    const p = person(ctx, personName(rng));
    const day = i < 14 ? date(rng, '2020-02-10', '2020-09-25') : date(rng, '2020-10-05', '2020-12-20');
    const unitName = pick(rng, employers);
    const details = {
      mode: 'local',
      registeredPoor: rng() < 0.9,
      employer: '结对县产业园项目',
      startDate: day,
      monthlyWage: randomInt(rng, 2200, 3600),
    };
    add(ctx, unitName, 'employment_placement', day, details, p);
    if (i % 5 === 0) add(ctx, unitName, 'employment_placement', day, { ...details, employer: '另一项目' }, p);
  }
  // R6 entrepreneur-leader trainings: two (done).
  for (const day of ['2020-05-20', '2020-09-10'])
    add(
      ctx,
      '区人力资源和社会保障局',
      'training',
      day,
      { kind: 'entrepreneur_leader', title: '创业致富带头人培训班' },
      { peopleCount: randomInt(rng, 30, 60) },
    );
  add(
    ctx,
    '区农业农村局',
    'training',
    '2020-07-08',
    { kind: 'vocational', title: '茶叶种植技术培训' },
    { peopleCount: 80 },
  );
  // R7 purchases: canteens all year; the centralised trip of the first half was cancelled (overdue), one in October.
  for (let i = 0; i < 40; i++)
    add(
      ctx,
      pick(rng, memberNames),
      'consumption_purchase',
      date(rng, '2020-01-15', '2020-12-20'),
      {
        buyer: '单位食堂',
        buyerKind: 'unit',
        product: pick(rng, ['大米', '茶叶', '菜籽油', '土鸡蛋']),
        method: 'canteen',
        centralisedTrip: false,
      },
      { amountYuan: randomInt(rng, 20, 300) * 100 },
    );
  for (const name of ['区商务局', '区总工会', '区妇女联合会'])
    add(
      ctx,
      name,
      'consumption_purchase',
      '2020-10-16',
      { buyer: name, buyerKind: 'unit', product: '农副产品', method: 'centralised', centralisedTrip: true },
      { amountYuan: randomInt(rng, 300, 900) * 100 },
    );
  // R7 donations: about 45万元 by September (done).
  for (const name of [
    '区红十字会',
    '区总工会',
    '区工商业联合会',
    '区妇女联合会',
    '共青团区委',
    '区残疾人联合会',
  ])
    for (let k = 0; k < 3; k++)
      add(
        ctx,
        name,
        'donation',
        date(rng, '2020-02-01', '2020-09-15'),
        {
          donor: name,
          donationType: rng() < 0.8 ? 'money' : 'goods',
          beneficiaryKind: pick(rng, ['family', 'student']),
        },
        { amountYuan: randomInt(rng, 20, 30) * 1000 },
      );
  // R5, R7, R8, R16: the rest of the year's work.
  for (const [i, name] of memberNames.entries()) {
    // R16: most units study before autumn; a few have not yet (at risk per unit).
    const sessions = i % 7 === 3 ? 0 : randomInt(rng, 1, 3);
    for (let k = 0; k < sessions; k++)
      add(
        ctx,
        name,
        'study_session',
        date(rng, '2020-01-10', '2020-09-28'),
        { topic: '学习《习近平扶贫论述摘编》' },
        { peopleCount: randomInt(rng, 8, 40) },
      );
    if (i % 7 === 3)
      add(ctx, name, 'study_session', date(rng, '2020-10-10', '2020-12-10'), {
        topic: '学习决战决胜脱贫攻坚座谈会讲话精神',
      });
  }
  for (const name of ['区委组织部', '区教育局', '区卫生健康委员会'])
    add(ctx, name, 'cadre_secondment', '2020-03-02', {
      personName: personName(rng),
      originalPost: `${name}科长`,
      post: '结对县乡镇副职',
      startDate: '2020-03-02',
      endDate: '2021-03-01',
      trainings: randomInt(rng, 1, 4),
    });
  for (const [name, field] of [
    ['区教育局', 'education'],
    ['区科学技术局', 'science'],
    ['区文化旅游体育局', 'culture'],
    ['区卫生健康委员会', 'health'],
    ['区民政局', 'social_work'],
  ] as const)
    add(
      ctx,
      name,
      'talent_support',
      date(rng, '2020-03-01', '2020-11-30'),
      { field, description: '选派专业人才支持结对县' },
      { peopleCount: randomInt(rng, 1, 5) },
    );
  add(
    ctx,
    '区人民医院',
    'medical_aid',
    '2020-06-12',
    { institution: '区人民医院', description: '贫困患者手术救助' },
    { peopleCount: 12, amountYuan: 86000 },
  );
  for (const kind of ['free_clinic', 'left_behind_children', 'lonely_elderly'] as const)
    add(
      ctx,
      pick(rng, ['区人民医院', '共青团区委', '区妇女联合会']),
      'volunteer_event',
      date(rng, '2020-04-01', '2020-11-30'),
      { kind, title: '志愿服务活动', beneficiaries: randomInt(rng, 20, 200) },
      { peopleCount: randomInt(rng, 10, 40) },
    );
  add(
    ctx,
    '区投资促进中心',
    'investment',
    '2020-07-22',
    { enterprise: '某电子元件公司', industry: '电子', jobs: 120, countedInAssessment: true },
    { amountYuan: 30_000_000 },
  );
  add(ctx, '区经济和信息化局', 'park_exchange', '2020-05-28', {
    kind: 'exchange',
    parks: '示范区经开区—结对县工业园',
    description: '园区管理层经验交流',
  });
  for (const category of ['living_environment', 'village_appearance', 'public_health_network'] as const)
    add(
      ctx,
      pick(rng, ['区住房和城乡建设局', '区卫生健康委员会', '区水利局']),
      'rural_revitalisation',
      date(rng, '2020-03-01', '2020-10-31'),
      { category, project: '乡村振兴项目' },
      { amountYuan: randomInt(rng, 10, 80) * 10_000 },
    );
}

/**
 * Demo step (issue 4 §8): the source plan loaded as the 2020 plan through the extractor and its
 * proposed measurements, the office's manual figures with evidence, and a deterministic year of records.
 */
export async function loadPlanDemo(
  deps: Deps,
  tx: DbOrTx,
  actor: Actor,
  seed: number,
): Promise<{ activities: number }> {
  const text = fs.readFileSync(DEMO_PLAN_TEXT, 'utf8');
  const planId = await insertPlan(tx, actor, { ...acceptDraft(extractPlan(text)), sourceText: text });
  const unitRows = await tx
    .select({ id: units.id, name: units.name, kind: units.kind, regionCode: units.regionCode })
    .from(units);
  const byName = new Map(unitRows.map((u) => [u.name, u]));
  const members = unitRows.filter((u) => u.kind === 'member').map((u) => u.name);
  const townOffices = unitRows.filter((u) => u.kind === 'town_office').map((u) => u.name);
  // R16 is not among the plan's numbers; the office adds it as a per-unit indicator.
  await tx.insert(planIndicators).values({
    planId,
    name: '成员单位理论学习次数',
    measurement: { kind: 'count', recordType: 'study_session', filter: {} },
    comparison: 'gte',
    targetValue: 1,
    unit: '次',
    scope: 'unit',
    sourceText: '始终坚持把学习宣传《习近平扶贫论述摘编》…作为重大政治任务',
    sort: 100,
  });
  const indicators = await tx.select().from(planIndicators).where(eq(planIndicators.planId, planId));
  const manual = (name: string) => indicators.find((i) => i.name === name)?.id;
  const funds = manual('帮扶资金');
  const rate = manual('资金拨付使用率');
  const manualRows = [
    ...(funds
      ? [{ indicatorId: funds, asOf: '2020-03-20', value: 1500, evidence: '区财政局拨付凭证（演示）' }]
      : []),
    ...(rate
      ? [
          { indicatorId: rate, asOf: '2020-06-30', value: 85, evidence: '结对县资金使用情况报表（演示）' },
          { indicatorId: rate, asOf: '2020-09-20', value: 96, evidence: '结对县资金使用情况报表（演示）' },
        ]
      : []),
  ];
  if (manualRows.length) await tx.insert(indicatorManualValues).values(manualRows);

  const paired = await tx
    .select({ code: regions.code, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .where(and(eq(regions.tree, 'paired'), eq(regions.level, 'village')));
  const ctx: Ctx = {
    rng: mulberry32(seed + 4),
    deps,
    rows: [],
    paired,
    unit: (name) => {
      const u = byName.get(name);
      if (!u) throw new Error(`demo: no unit ${name}`);
      return u;
    },
  };
  generate(ctx, members, townOffices);
  for (let i = 0; i < ctx.rows.length; i += 500)
    await tx.insert(activities).values(ctx.rows.slice(i, i + 500));
  await audit(tx, actor, {
    action: 'demo.plan',
    entity: 'plan',
    entityId: planId,
    after: { year: 2020, activities: ctx.rows.length, manualValues: manualRows.length },
  });
  return { activities: ctx.rows.length };
}
