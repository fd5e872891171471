/**
 * Progress benchmark (issue 4): a year of activity records for the demo district's 30 member units and
 * 8 town offices (≥500k records), then the time of the progress request for the whole 2020 plan
 * (p50/p95 through app.inject) beside ONE hand-written SQL query computing the same figures in the same
 * run, with the ratio.
 *
 *   npm run bench -- progress                 # PGlite, 500 000 records, 20 requests
 *   npm run bench -- progress --quick         # PGlite, 50 000 records, 5 requests
 *   npm run bench -- progress --pg postgres://postgres@127.0.0.1:5432/postgres   # a fresh database on that server
 *   options: --records N, --runs N
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Deps } from '../src/server/deps';
import { DEMO_PASSWORD } from '../src/server/demo/demo-data';
import { loadDemo } from '../src/server/demo/demo';
import { DEMO_PROGRESS_DATE } from '../src/server/domains/progress/progress.demo';
import { createPii, keyIdOf } from '../src/server/pii/pii';
import { createTestDatabase } from '../test/helpers/test-db';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('quick');
const records = Number(option('records') ?? (quick ? 50_000 : 500_000));
const runs = Number(option('runs') ?? (quick ? 5 : 20));
const pgUrl = option('pg');
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
else delete process.env.TEST_DATABASE_URL;
const AS_OF = DEMO_PROGRESS_DATE;

/** Weighted record types: purchases and placements dominate real ledgers. */
const TYPES = [
  ...Array(6).fill('consumption_purchase'),
  ...Array(4).fill('employment_placement'),
  ...Array(2).fill('study_session'),
  ...Array(2).fill('donation'),
  'leadership_visit',
  'training',
  'volunteer_event',
  'medical_aid',
  'talent_support',
  'industry_base',
  'cooperation_org',
  'rural_revitalisation',
] as string[];

/** Set-based generation inside the database (one INSERT … SELECT per batch): deterministic, no row-by-row I/O. */
function insertBatch(from: number, to: number) {
  const types = `array[${TYPES.map((t) => `'${t}'`).join(',')}]`;
  return sql.raw(`
    with u as (
      select array_agg(id order by id) as ids,
             array_agg(coalesce(case when kind = 'town_office' then region_code end, '') order by id) as towns
      from units where kind in ('member', 'town_office')
    ), r as (
      select array_agg(code order by code) as codes from regions where tree = 'paired' and level = 'village'
    ), g as (
      select i, (i::bigint * 2654435761) % 4294967291 as h from generate_series(${from}, ${to}) as i
    ), x as (
      select g.h,
             (${types})[1 + (g.h % ${TYPES.length})::int] as type,
             date '2020-01-01' + ((g.h / 7) % 366)::int as day,
             1 + ((g.h / 13) % cardinality(u.ids))::int as ui,
             u.ids, u.towns,
             r.codes[1 + ((g.h / 17) % cardinality(r.codes))::int] as region
      from g, u, r
    )
    insert into activities (type, date, unit_id, region_code, county_code, town_code, amount_yuan, people_count,
                            person_hash, person_name, details, evidence)
    select type, day, ids[ui], region, left(region, 6), nullif(towns[ui], ''),
      case when type in ('consumption_purchase', 'donation', 'medical_aid', 'rural_revitalisation')
           then 100 + (h % 50000) end,
      case when type in ('training', 'study_session', 'volunteer_event', 'talent_support', 'medical_aid')
           then 1 + (h % 60)::int end,
      case when type = 'employment_placement' then md5('p' || (h % ${Math.max(1000, Math.floor(records / 4))})) end,
      case when type = 'employment_placement' then '测试' end,
      case type
        when 'leadership_visit' then jsonb_build_object('visitorLevel', (array['district','town','city'])[1 + (h % 3)::int],
             'visitor', '领导', 'purpose', '调研')
        when 'employment_placement' then jsonb_build_object('mode', case when h % 10 = 0 then 'transfer' else 'local' end,
             'registeredPoor', h % 4 <> 0, 'employer', '企业', 'startDate', day::text, 'monthlyWage', 3000)
        when 'consumption_purchase' then jsonb_build_object('buyer', '食堂', 'buyerKind', 'unit', 'product', '大米',
             'method', case when h % 97 = 0 then 'centralised' else 'canteen' end, 'centralisedTrip', h % 97 = 0,
             'half', case when day < date '2020-07-01' then 1 else 2 end)
        when 'training' then jsonb_build_object('kind', (array['entrepreneur_leader','vocational','cadre','skills','other'])[1 + (h % 5)::int],
             'title', '培训')
        when 'donation' then jsonb_build_object('donor', '单位', 'donationType', 'money', 'beneficiaryKind', 'student')
        when 'industry_base' then jsonb_build_object('name', '基地', 'industry', '茶叶')
        when 'cooperation_org' then jsonb_build_object('name', '合作社', 'kind', 'cooperative')
        when 'study_session' then jsonb_build_object('topic', '学习')
        else jsonb_build_object('description', '基准数据')
      end,
      '[]'::jsonb
    from x`);
}

/**
 * The baseline: the same figures as the progress request (every record-based indicator of the 2020
 * plan at AS_OF, district total, per unit and per town, and the purchasing trips at the first-half due
 * date) written by hand as ONE query: one scan, FILTER per indicator, GROUPING SETS.
 */
const BASELINE = sql.raw(`
  select grouping(unit_id) as g_unit, grouping(town_code) as g_town, unit_id, town_code,
    count(*) filter (where type = 'leadership_visit' and details @> '{"visitorLevel":"district"}') as visits_district,
    count(*) filter (where type = 'leadership_visit' and details @> '{"visitorLevel":"town"}') as visits_town,
    count(*) filter (where type = 'industry_base') as bases,
    count(*) filter (where type = 'cooperation_org') as coops,
    count(distinct person_hash) filter (where type = 'employment_placement' and details @> '{"mode":"transfer"}') as transfer,
    count(distinct person_hash) filter (where type = 'employment_placement' and details @> '{"mode":"local"}') as local,
    count(*) filter (where type = 'training' and details @> '{"kind":"entrepreneur_leader"}') as trainings,
    count(distinct date) filter (where type = 'consumption_purchase' and details @> '{"centralisedTrip":true}') as trips,
    count(distinct date) filter (where type = 'consumption_purchase' and details @> '{"centralisedTrip":true}'
                                   and date <= '2020-06-30') as trips_h1,
    coalesce(sum(amount_yuan) filter (where type = 'donation'), 0) as donations,
    count(*) filter (where type = 'study_session') as study
  from activities
  where date >= '2020-01-01' and date <= '${AS_OF}'
  group by grouping sets ((), (unit_id), (town_code))`);

/** Indicator name → baseline column and the factor to the indicator's unit. */
const CHECKS: [name: string, column: string, factor: number][] = [
  ['区主要负责同志到XX县调研次数', 'visits_district', 1],
  ['镇(街)主要负责同志到被帮扶乡(镇)、村联系次数', 'visits_town', 1],
  ['特色产业基地数', 'bases', 1],
  ['产业合作组织和龙头企业数', 'coops', 1],
  ['转移就业贫困人口', 'transfer', 1],
  ['就地就近就业贫困人口', 'local', 1],
  ['创业致富带头人培训次数', 'trainings', 1],
  ['集中采购次数', 'trips', 1],
  ['年捐助金额', 'donations', 10_000],
  ['成员单位理论学习次数', 'study', 1],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const database = await createTestDatabase();
  const key = crypto.randomBytes(32);
  const deps: Deps = {
    db: database.db,
    database,
    config: { ...loadConfig({}), webDir: '/nonexistent' },
    pii: createPii({ current: { id: keyIdOf(key), key }, previous: [] }),
    now: () => new Date('2020-10-01T09:00:00+08:00'),
  };
  const rowsOf = async (q: SQL) =>
    ((await deps.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  try {
    console.log(
      `database: ${database.kind}; records: ${records.toLocaleString()}; runs: ${runs}; asOf: ${AS_OF}`,
    );
    await loadDemo(deps);
    const t0 = performance.now();
    const batch = 50_000;
    for (let from = 1; from <= records; from += batch) {
      await deps.db.execute(insertBatch(from, Math.min(records, from + batch - 1)));
    }
    await deps.db.execute(sql`analyze activities`);
    const insertMs = performance.now() - t0;
    const [{ n }] = (await rowsOf(sql`select count(*)::int as n from activities`)) as [{ n: number }];
    console.log(
      `generated in ${(insertMs / 1000).toFixed(1)} s (INSERT … SELECT in batches of ${batch}); activities: ${n.toLocaleString()}`,
    );

    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    const cookie = `bangfu_session=${login.cookies.find((c) => c.name === 'bangfu_session')!.value}`;
    const plans = (await app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).json();
    const url = `/api/progress?plan=${plans.items[0].id}&asOf=${AS_OF}`;

    const request = async () => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`progress answered ${res.statusCode}: ${res.body}`);
      return res.json() as { items: { name: string; value: number | null; status: string }[] };
    };
    const baseline = () => rowsOf(BASELINE);

    // Warm both up once (plans, caches), then alternate so neither benefits from running last.
    const appResult = await request();
    const sqlRows = await baseline();
    const appTimes: number[] = [];
    const sqlTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      let s = performance.now();
      await request();
      appTimes.push(performance.now() - s);
      s = performance.now();
      await baseline();
      sqlTimes.push(performance.now() - s);
    }

    // The two must agree, or the comparison means nothing.
    const total = sqlRows.find((r) => Number(r.g_unit) === 1 && Number(r.g_town) === 1)!;
    let mismatches = 0;
    for (const [name, column, factor] of CHECKS) {
      const fromApp = appResult.items.find((i) => i.name === name)?.value;
      const fromSql = Number(total[column]) / factor;
      if (fromApp === undefined || Math.abs((fromApp ?? 0) - fromSql) > 1e-6) {
        mismatches++;
        console.log(`  MISMATCH ${name}: app ${fromApp} vs SQL ${fromSql}`);
      }
    }
    console.log(`figures checked: ${CHECKS.length - mismatches}/${CHECKS.length} equal (district totals)`);

    const rows = [
      ['progress request (app.inject)', pct(appTimes, 50), pct(appTimes, 95)],
      ['one hand-written SQL query', pct(sqlTimes, 50), pct(sqlTimes, 95)],
    ] as const;
    console.log('\n| what | p50 | p95 |\n|---|---|---|');
    for (const [what, p50, p95] of rows) console.log(`| ${what} | ${ms(p50)} | ${ms(p95)} |`);
    console.log(
      `\nratio app/SQL: p50 ${(rows[0][1] / rows[1][1]).toFixed(2)}×, p95 ${(rows[0][2] / rows[1][2]).toFixed(2)}×` +
        `  (${appResult.items.length} indicators; statuses: ${[...new Set(appResult.items.map((i) => i.status))].join(', ')})`,
    );
    console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
    if (mismatches) process.exitCode = 1;
  } finally {
    await app.close();
    await database.close();
  }
}

await main();
