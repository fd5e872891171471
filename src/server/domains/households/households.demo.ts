import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import {
  CASE_ACTION_LABELS,
  DEFAULT_CASE_DEADLINES,
  TRANSITIONS,
  type CaseAction,
  type CaseStep,
} from '../../../core/households/case-machine';
import { SYNTHETIC_ADDRESS_CODE, syntheticHousehold, syntheticYear } from '../../../core/households/fixtures';
import { makeSyntheticIdNumber } from '../../../core/identity/synthetic';
import { memberDeepGroups, prepareMember } from '../../../core/households/member';
import { todayIso } from '../../../core/identity/dates';
import { mulberry32, pick, randomInt, type Rng } from '../../../core/identity/random';
import { DEMO_YEAR_CONFIG_2020 } from '../../../core/monitoring/config';
import { ASSISTANCE_MEASURE_TYPES } from '../../../core/monitoring/codes';
import { copyInsert, type Tx } from '../../db/client';
import {
  householdCaseAttachments,
  householdCases,
  householdCaseSteps,
  householdEvents,
  householdMeasures,
  householdMembers,
  households,
  householdYears,
  monitoringYearConfigs,
  regions,
  units,
} from '../../db/schema';
import type { Deps } from '../../deps';
import { attachmentStorageOf } from '../../storage/attachment-storage';
import { reevaluateYearInBulk } from './households.evaluation';
import { memberValues } from './households.service';

const DAY = 86_400_000;
const DEMO_HOUSEHOLDS = 3000;

/** The path of actions that leads from the clue to each step (for the demo's cases at every step). */
const PATH_TO: Record<CaseStep, CaseAction[]> = {
  home_check: [],
  appraisal: ['complete_home_check'],
  notice: ['complete_home_check', 'record_appraisal'],
  town_review: ['complete_home_check', 'record_appraisal', 'close_notice'],
  inspection: ['complete_home_check', 'record_appraisal', 'close_notice', 'town_approve'],
  district_approval: ['complete_home_check', 'record_appraisal', 'close_notice', 'town_approve', 'verify'],
  approved: ['complete_home_check', 'record_appraisal', 'close_notice', 'town_approve', 'verify', 'approve'],
  rejected: ['complete_home_check', 'record_appraisal', 'close_notice', 'town_approve', 'town_reject'],
  withdrawn: ['withdraw'],
};
const ACTOR_OF: Record<CaseAction, { username: string; role: string }> = {
  complete_home_check: { username: 'village', role: 'village' },
  record_appraisal: { username: 'village', role: 'village' },
  close_notice: { username: 'town', role: 'town' },
  town_approve: { username: 'town', role: 'town' },
  town_reject: { username: 'town', role: 'town' },
  verify: { username: 'inspector', role: 'inspector' },
  return: { username: 'inspector', role: 'inspector' },
  approve: { username: 'admin', role: 'admin' },
  reject: { username: 'admin', role: 'admin' },
  withdraw: { username: 'town', role: 'town' },
};

/** A minimal valid one-page PDF (synthetic "signed authorisation" of the demo). */
function demoPdf(): Buffer {
  const body = 'BT /F1 14 Tf 72 720 Td (Demo authorisation - synthetic data) Tj ET';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Demo households (issue 3): about 3,000 households and 9,000+ members across the demo villages,
 * deterministic from the seed; 2019 and 2020 economics (some below the line, some with large medical
 * costs or a sharp drop), so the watch lists have flags; R12 groups, some with and some without a
 * targeted measure; cases at every step of the procedure, a few overdue. Synthetic people only.
 */
export async function loadHouseholdsDemo(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  seed: number,
): Promise<{ households: number; members: number; cases: number }> {
  const rng = mulberry32(seed + 3);
  const now = deps.now();
  const asOf = todayIso(now);
  const villages = (
    await tx
      .select()
      .from(regions)
      .where(and(eq(regions.level, 'village'), eq(regions.tree, 'district')))
  ).sort((a, b) => a.code.localeCompare(b.code));
  const memberUnits = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.kind, 'member'));
  await tx.insert(monitoringYearConfigs).values([
    { year: 2020, config: DEMO_YEAR_CONFIG_2020, updatedAt: now },
    { year: 2019, config: { ...DEMO_YEAR_CONFIG_2020, year: 2019, povertyLine: 3750 }, updatedAt: now },
  ]);

  // Villages (not residents' communities) hold most households in difficulty.
  const weights = villages.map((v) => (Number(v.code.slice(9)) >= 200 ? 3 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const perVillage = weights.map((w) => Math.round((DEMO_HOUSEHOLDS * w) / totalWeight));
  // Household ids drawn from the sequence up front (as an insert would draw them, in row order), so the
  // members reference their household before both are bulk-written (COPY on PGlite).
  const reserved = await reserveIds(
    tx,
    perVillage.reduce((a, b) => a + b, 0),
  );
  const ids: { id: number; regionCode: string; countyCode: string; size: number; attribute: string }[] = [];
  const householdRows: (typeof households.$inferInsert)[] = [];
  const memberRows: (typeof householdMembers.$inferInsert)[] = [];
  let no = 0;
  const used = new Set<string>();
  for (const [vi, v] of villages.entries()) {
    const n = perVillage[vi]!;
    const countyCode = v.code.slice(0, 6);
    // Batches of 200: the random draws keep the order they had when each batch was one insert.
    for (let b = 0; b < n; b += 200) {
      const batch = Array.from({ length: Math.min(200, n - b) }, () =>
        uniquePeople(rng, syntheticHousehold(rng, v.code), used),
      );
      for (const h of batch) {
        const id = reserved[no]!;
        no += 1;
        const assist = rng() < 0.3 ? pick(rng, memberUnits) : null;
        // Some lone elderly people are 特困供养户 (R12 特困).
        const hardship =
          h.members.length === 1 && Number(h.members[0]!.idNumber.slice(6, 10)) < 1955 && rng() < 0.5;
        const deep = new Set<string>(hardship ? ['specialHardship'] : []);
        h.members.forEach((m, j) => {
          const p = prepareMember(m, asOf);
          if (!p.ok) throw new Error('demo: synthetic member invalid');
          const values = memberValues(deps, m, p.value, id, countyCode, j);
          const deepGroups = memberDeepGroups({ id: 0, ...values }, []);
          for (const g of deepGroups) deep.add(g);
          memberRows.push({ ...values, deepGroups });
        });
        householdRows.push({
          id,
          countyCode,
          regionCode: v.code,
          householdNo: `34990${String(no).padStart(7, '0')}`,
          villageGroup: h.villageGroup ?? null,
          headName: h.members[0]!.name,
          phoneCipher: deps.pii.encrypt(h.phone!),
          attribute: hardship ? '特困供养户' : h.attribute,
          povertyExitFlag: h.attribute === '脱贫户' ? '已脱贫(享受政策)' : null,
          specialHardship: hardship,
          assistUnitId: assist?.id ?? null,
          assistPerson: assist ? `${assist.name.replace(/^区/, '')}帮扶干部` : null,
          collectedBy: '演示数据',
          collectedOn: '2020-03-15',
          // R12 groups: the union of the members' (and 特困); the names as the member trigger keeps them
          // ('|'-joined in member order), so the trigger finds nothing to rewrite.
          deepGroups: [...deep].sort(),
          memberNames: h.members.map((m) => m.name).join('|'),
          createdAt: now,
          updatedAt: now,
        });
        ids.push({ id, regionCode: v.code, countyCode, size: h.members.length, attribute: h.attribute });
      }
    }
  }
  const kind = deps.database.kind;
  await copyInsert(kind, tx, households, householdRows);
  await copyInsert(kind, tx, householdMembers, memberRows);
  const members = memberRows.length;

  // Two years of economics; the 2020 figures sometimes fall sharply (income-drop rule).
  await copyInsert(
    kind,
    tx,
    householdYears,
    ids.flatMap((h) => {
      const y20 = syntheticYear(rng, h.size);
      const pc20 =
        (y20.econ.wages + y20.econ.netBusinessIncome + y20.econ.transferIncome - y20.econ.businessCosts) /
        h.size;
      const y19 = syntheticYear(rng, h.size, Math.round(pc20 * (rng() < 0.06 ? 1.6 : 0.9 + rng() * 0.2)));
      return [
        {
          year: 2019,
          y: {
            ...y19,
            econ: { ...y19.econ, rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 } },
          },
        },
        { year: 2020, y: y20 },
      ].map(({ year, y }) => ({
        householdId: h.id,
        year,
        countyCode: h.countyCode,
        regionCode: h.regionCode,
        asOf: `${year}-11-30`,
        wages: y.econ.wages,
        netBusinessIncome: y.econ.netBusinessIncome,
        propertyIncome: y.econ.propertyIncome,
        transferIncome: y.econ.transferIncome,
        businessCosts: y.econ.businessCosts,
        rigidMedical: y.econ.rigidExpenditure.medical,
        rigidEducation: 0,
        rigidDisaster: 0,
        rigidOther: 0,
        housingGrade: y.housing.grade,
        water: y.water,
        foodClothing: y.foodClothing,
        updatedAt: now,
      }));
    }),
  );
  await reevaluateYearInBulk(tx, 2019, now);
  await reevaluateYearInBulk(tx, 2020, now);

  // Part of the flagged households are already monitored (registered before this year); a few eliminated.
  const flagged = await tx
    .select({
      id: householdYears.householdId,
      regionCode: householdYears.regionCode,
      flags: householdYears.flags,
    })
    .from(householdYears)
    .where(and(eq(householdYears.year, 2020), eq(householdYears.flagged, true)))
    .orderBy(householdYears.householdId);
  const monitored = new Set<number>();
  const since: string[] = [];
  const types: string[] = [];
  for (const f of flagged) {
    if (rng() < 0.45) {
      types.push(((f.flags as { suggestedType: string }[])[0]?.suggestedType ?? 'marginal') as string);
      since.push(pick(rng, ['201906', '201909', '202001', '202004']));
      monitored.add(f.id);
    }
  }
  await tx.execute(sql`
    update ${households} h set monitoring_status = 'monitored', monitoring_type = u.type, monitoring_since = u.since
    from unnest(${sql.param([...monitored])}::bigint[], ${sql.param(types)}::text[], ${sql.param(since)}::text[])
      as u(id, type, since)
    where h.id = u.id`);
  const others = ids.filter((h) => !monitored.has(h.id));
  for (let k = 0; k < 40; k++) {
    const h = others[randomInt(rng, 0, others.length - 1)]!;
    await tx
      .update(households)
      .set({
        monitoringStatus: 'eliminated',
        monitoringType: 'marginal',
        monitoringSince: '201906',
        monitoringUntil: '202006',
        riskEliminationMethod: pick(rng, ['assisted', 'natural']),
      })
      .where(eq(households.id, h.id));
  }

  // Measures: most deep-difficulty households have a targeted one; the rest show on the "without" list.
  // In id order: the random draws must not follow the table's physical order, which changes with every
  // rewrite of a row (and with how the rows were written).
  const deep = await tx
    .select({ id: households.id, countyCode: households.countyCode, groups: households.deepGroups })
    .from(households)
    .where(sql`jsonb_array_length(${households.deepGroups}) > 0`)
    .orderBy(households.id);
  const measureRows = [];
  for (const h of deep) {
    for (const g of h.groups) {
      if (rng() < 0.3) continue;
      const type =
        g === 'seriouslyIll' || g === 'incapacitated'
          ? 'health'
          : g === 'severelyDisabled'
            ? 'socialProtection'
            : 'socialProtection';
      measureRows.push(measureRow(rng, h, type, g, now));
    }
  }
  for (const id of monitored) {
    const h = ids.find((x) => x.id === id)!;
    measureRows.push(measureRow(rng, h, pick(rng, ASSISTANCE_MEASURE_TYPES).code, null, now));
  }
  await copyInsert(kind, tx, householdMeasures, measureRows);

  const cases = await demoCases(
    deps,
    tx,
    rng,
    flagged.filter((f) => !monitored.has(f.id)),
    [...monitored],
    now,
  );

  await tx.execute(sql`
    insert into ${householdEvents} (household_id, county_code, at, actor_id, actor_username, kind, summary)
    select id, county_code, ${new Date(now.getTime() - 200 * DAY).toISOString()}::timestamptz, null, 'demo', 'household.create',
      ${JSON.stringify({ zh: '登记家庭（演示数据）', en: 'Household registered (demo)' })}::jsonb
    from ${households} order by id`);
  void actor;
  return { households: ids.length, members, cases };
}

/** `n` ids from the households' sequence, in the order an insert of n rows would draw them. */
async function reserveIds(tx: Tx, n: number): Promise<number[]> {
  const res = await tx.execute<{ id: string | number }>(
    sql`select nextval(pg_get_serial_sequence('households', 'id')) as id from generate_series(1, ${n}::int)`,
  );
  return (res as unknown as { rows: { id: string | number }[] }).rows
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}

/** Synthetic ID numbers can collide (same birth date and sequence): redraw until every person is unique. */
function uniquePeople<
  T extends { members: { idNumber: string; disabilityCertificate?: string | null | undefined }[] },
>(rng: Rng, h: T, used: Set<string>): T {
  for (const m of h.members) {
    while (used.has(m.idNumber)) {
      const birthDate = `${m.idNumber.slice(6, 10)}-${m.idNumber.slice(10, 12)}-${m.idNumber.slice(12, 14)}`;
      const sex = Number(m.idNumber[16]) % 2 === 1 ? 'male' : 'female';
      const next = makeSyntheticIdNumber(rng, { addressCode: SYNTHETIC_ADDRESS_CODE, birthDate, sex });
      if (m.disabilityCertificate) m.disabilityCertificate = next + m.disabilityCertificate.slice(18);
      m.idNumber = next;
    }
    used.add(m.idNumber);
  }
  return h;
}

function measureRow(
  rng: Rng,
  h: { id: number; countyCode: string },
  type: string,
  deepGroup: string | null,
  now: Date,
) {
  const t = ASSISTANCE_MEASURE_TYPES.find((x) => x.code === type)!;
  const descriptions: Record<string, string> = {
    health: '落实大病救助和家庭医生签约服务',
    socialProtection: '纳入低保，按月发放低保金',
    industry: '发放产业奖补资金，扶持发展特色种养',
    employment: '安排公益性岗位就业',
    education: '落实教育资助政策',
    housing: '实施危房改造',
    water: '接通自来水入户',
    finance: '发放扶贫小额信贷',
    consumption: '帮助销售农产品',
    social: '结对帮扶慰问',
    other: '其他帮扶',
  };
  return {
    householdId: h.id,
    countyCode: h.countyCode,
    type,
    groupCode: t.group,
    deepGroup,
    description: descriptions[type] ?? t.zh,
    responsiblePerson: '帮扶责任人',
    startDate: `2020-${String(randomInt(rng, 1, 10)).padStart(2, '0')}-01`,
    endDate: null,
    outcome: rng() < 0.5 ? '已落实' : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Cases at every step: include cases for flagged households, exit cases for monitored ones, some overdue. */
async function demoCases(
  deps: Deps,
  tx: Tx,
  rng: Rng,
  candidates: { id: number; regionCode: string; flags: unknown }[],
  monitored: number[],
  now: Date,
) {
  const users = new Map(
    (
      (await tx.execute<{ id: number; username: string }>(
        sql`select id, username from users`,
      )) as unknown as { rows: { id: number; username: string }[] }
    ).rows.map((u) => [u.username, Number(u.id)]),
  );
  const storage = attachmentStorageOf(deps);
  const pdf = demoPdf();
  // The demo town (清水镇, …100) gets most cases so its clerk and the village cadre have work to do.
  const sorted = [...candidates].sort(
    (a, b) => Number(b.regionCode.startsWith('349901100')) - Number(a.regionCode.startsWith('349901100')),
  );
  const steps: CaseStep[] = [
    'home_check',
    'appraisal',
    'notice',
    'town_review',
    'inspection',
    'district_approval',
    'approved',
    'rejected',
    'withdrawn',
  ];
  let made = 0;
  let k = 0;
  let count = 0;
  for (const step of steps) {
    for (let i = 0; i < 3; i++) {
      const exit = i === 2 && monitored.length > made;
      const householdId = exit ? monitored[made]! : sorted[k++]?.id;
      if (householdId === undefined) continue;
      const [h] = await tx.select().from(households).where(eq(households.id, householdId));
      const path = PATH_TO[step];
      // Days per transition; the first case at each open step is overdue.
      const per = i === 0 ? 4 : 2;
      const clueAt = new Date(now.getTime() - (path.length * per + (i === 0 ? 4 : 1)) * DAY);
      let at = clueAt;
      const history: { action: string; from: string | null; to: string; at: Date }[] = [
        { action: 'open', from: null, to: 'home_check', at },
      ];
      let current: CaseStep = 'home_check';
      let noticeStartedAt: Date | null = null;
      for (const a of path) {
        at = new Date(at.getTime() + (a === 'close_notice' ? 5 : per) * DAY);
        const to = TRANSITIONS[a].to;
        history.push({ action: a, from: current, to, at });
        if (a === 'record_appraisal') noticeStartedAt = at;
        current = to;
      }
      const proposed = exit ? null : ((h!.attribute === '脱贫户' ? 'unstable' : 'marginal') as string);
      const terminal = ['approved', 'rejected', 'withdrawn'].includes(step);
      const [c] = await tx
        .insert(householdCases)
        .values({
          householdId,
          countyCode: h!.countyCode,
          regionCode: h!.regionCode,
          kind: exit ? 'exit' : 'include',
          includeKind: exit ? null : 'new',
          proposedType: proposed,
          eliminationMethod: exit ? 'assisted' : null,
          source: pick(rng, ['application', 'cadreScreening', 'departmentWarning']),
          clueNote: exit ? '收入持续稳定，申请风险消除' : '走访排查发现收入低于监测线',
          step,
          clueAt,
          stepStartedAt: at,
          noticeStartedAt,
          closedAt: terminal ? at : null,
          deadlines: DEFAULT_CASE_DEADLINES,
          data: path.includes('complete_home_check')
            ? { homeCheck: { date: todayIso(history[1]!.at), findings: '入户核实，情况属实（演示）' } }
            : {},
          createdBy: users.get('town') ?? null,
          createdAt: clueAt,
          updatedAt: at,
        })
        .returning();
      count += 1;
      await tx.insert(householdCaseSteps).values(
        history.map((s) => {
          const who =
            s.action === 'open' ? { username: 'town', role: 'town' } : ACTOR_OF[s.action as CaseAction];
          return {
            caseId: c!.id,
            action: s.action,
            fromStep: s.from,
            toStep: s.to,
            at: s.at,
            actorId: users.get(who.username) ?? null,
            actorUsername: who.username,
            actorRole: who.role,
            note:
              s.action === 'town_reject'
                ? '经核实家庭收入高于监测线'
                : s.action === 'withdraw'
                  ? '农户撤回申请'
                  : null,
          };
        }),
      );
      if (path.includes('complete_home_check')) {
        const key = `cases/${c!.id}/demo-authorisation`;
        await storage.put(key, pdf);
        await tx.insert(householdCaseAttachments).values({
          caseId: c!.id,
          kind: 'authorisation',
          fileName: '农户授权书（演示）.pdf',
          contentType: 'application/pdf',
          size: pdf.length,
          sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
          storageKey: key,
          uploadedBy: users.get('village') ?? null,
          uploadedAt: history[0]!.at,
        });
      }
      if (step === 'approved') {
        await tx
          .update(households)
          .set(
            exit
              ? {
                  monitoringStatus: 'eliminated',
                  monitoringUntil: '202011',
                  riskEliminationMethod: 'assisted',
                }
              : { monitoringStatus: 'monitored', monitoringType: proposed, monitoringSince: '202011' },
          )
          .where(eq(households.id, householdId));
      }
      await tx.insert(householdEvents).values(
        history.map((s) => ({
          householdId,
          countyCode: h!.countyCode,
          at: s.at,
          actorUsername: s.action === 'open' ? 'town' : ACTOR_OF[s.action as CaseAction].username,
          kind: `case.${s.action}`,
          summary: {
            zh:
              s.action === 'open'
                ? '登记线索（演示）'
                : `${exit ? '退出监测' : '纳入监测'}案件：${CASE_ACTION_LABELS[s.action as CaseAction].zh}`,
            en: `Case ${s.action}`,
          },
        })),
      );
      if (exit) made += 1;
    }
  }
  return count;
}
