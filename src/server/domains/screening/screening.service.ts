import { and, asc, eq, gt, like, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { regionPrefix } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import {
  assessEpidemicRisk,
  type CampaignCreate,
  type ScreeningInput,
} from '../../../core/households/screening';
import { monitoringLineOf } from '../../../core/monitoring/income';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { households, householdYears, regions, screeningCampaigns, screeningRecords } from '../../db/schema';
import type { Deps } from '../../deps';
import { loadYearConfig } from '../households/households.evaluation';
import { recordEvent } from '../households/households.events';
import { canWriteRegistry, householdScope } from '../households/households.policy';
import { scopeCondition } from '../households/households.repository';
import { loadVisibleHousehold } from '../households/households.service';

const present = (c: typeof screeningCampaigns.$inferSelect) => ({
  id: c.id,
  name: c.name,
  year: c.year,
  regionCode: c.regionCode,
  startDate: c.startDate,
  endDate: c.endDate,
  status: c.status,
});

/** The office opens a screening campaign over a region (R9: every household at risk because of the epidemic). */
export async function createCampaign(deps: Deps, actor: Actor, input: CampaignCreate) {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  if (input.endDate < input.startDate)
    throw fieldError('endDate', 'date.order', {
      zh: '结束日期早于开始日期',
      en: 'End date before start date',
    });
  return deps.db.transaction(async (tx) => {
    const [r] = await tx.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!r || r.tree !== 'district')
      throw fieldError('regionCode', 'region.not_found', {
        zh: '排查范围必须是本区的区划',
        en: 'The region must be in the district',
      });
    const [c] = await tx
      .insert(screeningCampaigns)
      .values({ ...input, createdBy: actor.id, createdAt: deps.now() })
      .returning();
    await audit(tx, actor, {
      action: 'screening.campaign_create',
      entity: 'screening_campaign',
      entityId: c!.id,
      after: present(c!),
    });
    return present(c!);
  });
}

export async function listCampaigns(deps: Deps) {
  const rows = await deps.db.select().from(screeningCampaigns).orderBy(asc(screeningCampaigns.id));
  return { items: rows.map(present) };
}

async function loadCampaign(db: DbOrTx, id: number) {
  const [c] = await db.select().from(screeningCampaigns).where(eq(screeningCampaigns.id, id));
  if (!c) throw new AppError('not_found');
  return c;
}

export async function closeCampaign(deps: Deps, actor: Actor, id: number) {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, id);
    const [after] = await tx
      .update(screeningCampaigns)
      .set({ status: 'closed' })
      .where(eq(screeningCampaigns.id, id))
      .returning();
    await audit(tx, actor, {
      action: 'screening.campaign_close',
      entity: 'screening_campaign',
      entityId: id,
      before: present(c),
      after: present(after!),
    });
    return present(after!);
  });
}

function presentRecord(r: typeof screeningRecords.$inferSelect, headName: string) {
  return {
    id: r.id,
    campaignId: r.campaignId,
    householdId: r.householdId,
    headName,
    regionCode: r.regionCode,
    screenedOn: r.screenedOn,
    difficulties: r.difficulties as ScreeningInput['difficulties'],
    incomeLoss: r.incomeLoss,
    atRisk: r.atRisk,
    reasons: r.reasons as { zh: string; en: string }[],
    note: r.note,
  };
}

/** Records (or corrects) one household's screening; the at-risk verdict and its reasons are derived. */
export async function recordScreening(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  householdId: number,
  input: ScreeningInput,
) {
  return deps.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId);
    const h = await loadVisibleHousehold(tx, actor, householdId);
    if (!canWriteRegistry(actor, h.regionCode)) throw new AppError('forbidden');
    if (c.status !== 'open')
      throw new AppError('conflict', { zh: '排查已结束', en: 'The campaign is closed' });
    if (!h.regionCode.startsWith(regionPrefix(c.regionCode)))
      throw new AppError('conflict', {
        zh: '该户不在本次排查范围内',
        en: 'The household is outside the campaign region',
      });
    const [year] = await tx
      .select({ pc: householdYears.perCapitaNetIncome })
      .from(householdYears)
      .where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, c.year)));
    const config = await loadYearConfig(tx, c.year);
    const verdict = assessEpidemicRisk(input, {
      size: h.size,
      perCapitaNetIncome: year?.pc ?? null,
      monitoringLine: config ? monitoringLineOf(config) : null,
    });
    const values = {
      campaignId,
      householdId,
      countyCode: h.countyCode,
      regionCode: h.regionCode,
      screenedOn: input.screenedOn,
      screenedBy: actor.id,
      difficulties: input.difficulties,
      incomeLoss: input.incomeLoss,
      atRisk: verdict.atRisk,
      reasons: verdict.reasons,
      note: input.note ?? null,
      updatedAt: deps.now(),
    };
    const [row] = await tx
      .insert(screeningRecords)
      .values(values)
      .onConflictDoUpdate({
        target: [screeningRecords.campaignId, screeningRecords.householdId],
        set: values,
      })
      .returning();
    const out = presentRecord(row!, h.headName);
    await audit(tx, actor, {
      action: 'screening.record',
      entity: 'screening_record',
      entityId: row!.id,
      after: { ...out, headName: undefined },
    });
    await recordEvent(tx, actor, h, deps.now(), 'screening.record', {
      zh: `${c.name}：${verdict.atRisk ? `存在致贫返贫风险（${verdict.reasons.map((r) => r.zh).join('；')}）` : '未发现致贫返贫风险'}`,
      en: `Screened: ${verdict.atRisk ? 'at risk' : 'not at risk'}`,
    });
    return out;
  });
}

function campaignScope(actor: Actor, c: { regionCode: string }): SQL[] {
  const out: SQL[] = [
    eq(households.active, true),
    like(households.regionCode, `${regionPrefix(c.regionCode)}%`),
  ];
  const s = scopeCondition(householdScope(actor));
  if (s) out.push(s);
  return out;
}

/** Progress per village and per town: households to screen, screened, at risk (scoped). */
export async function campaignProgress(deps: Deps, actor: Actor, id: number) {
  const c = await loadCampaign(deps.db, id);
  const villageRows = await deps.db
    .select({
      regionCode: households.regionCode,
      households: sql<number>`count(*)::int`,
      screened: sql<number>`count(${screeningRecords.id})::int`,
      atRisk: sql<number>`count(*) filter (where ${screeningRecords.atRisk})::int`,
    })
    .from(households)
    .leftJoin(
      screeningRecords,
      and(eq(screeningRecords.householdId, households.id), eq(screeningRecords.campaignId, id)),
    )
    .where(and(...campaignScope(actor, c)))
    .groupBy(households.regionCode)
    .orderBy(households.regionCode);
  // Towns are the sums of their villages (a village code is its town's first nine digits + three).
  const towns = new Map<string, { townCode: string; households: number; screened: number; atRisk: number }>();
  for (const v of villageRows) {
    const townCode = `${v.regionCode.slice(0, 9)}000`;
    const t = towns.get(townCode) ?? { townCode, households: 0, screened: 0, atRisk: 0 };
    t.households += v.households;
    t.screened += v.screened;
    t.atRisk += v.atRisk;
    towns.set(townCode, t);
  }
  const names = new Map(
    (await deps.db.select({ code: regions.code, name: regions.name }).from(regions)).map((r) => [
      r.code,
      r.name,
    ]),
  );
  return {
    campaign: present(c),
    towns: [...towns.values()].map((r) => ({
      townCode: r.townCode,
      townName: names.get(r.townCode) ?? null,
      households: r.households,
      screened: r.screened,
      atRisk: r.atRisk,
    })),
    villages: villageRows.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? null })),
  };
}

/** One household of a campaign with its screening (null while not screened), for the phone form. */
export async function campaignHousehold(deps: Deps, actor: Actor, id: number, householdId: number) {
  const c = await loadCampaign(deps.db, id);
  const h = await loadVisibleHousehold(deps.db, actor, householdId);
  if (!h.active || !h.regionCode.startsWith(regionPrefix(c.regionCode))) throw new AppError('not_found');
  const [r] = await deps.db
    .select()
    .from(screeningRecords)
    .where(and(eq(screeningRecords.campaignId, id), eq(screeningRecords.householdId, householdId)));
  return {
    householdId: h.id,
    headName: h.headName,
    householdNo: h.householdNo,
    regionCode: h.regionCode,
    size: h.size,
    record: r ? presentRecord(r, h.headName) : null,
  };
}

/** Screened households (optionally only those at risk), or households still to screen; scoped, keyset. */
export async function campaignHouseholds(
  deps: Deps,
  actor: Actor,
  id: number,
  q: {
    status: 'pending' | 'screened' | 'atRisk';
    q?: string | undefined;
    regionCode?: string | undefined;
    after?: number | undefined;
    limit: number;
  },
) {
  const c = await loadCampaign(deps.db, id);
  const conds = campaignScope(actor, c);
  if (q.after) conds.push(gt(households.id, q.after));
  if (q.regionCode) conds.push(like(households.regionCode, `${regionPrefix(q.regionCode)}%`));
  if (q.q) {
    // The head's name from its start (the text_pattern_ops index), or the household number exactly.
    const p = `${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conds.push(sql`(${households.headName} like ${p} or ${households.householdNo} = ${q.q})`);
  }
  if (q.status === 'pending') conds.push(sql`${screeningRecords.id} is null`);
  else conds.push(sql`${screeningRecords.id} is not null`);
  if (q.status === 'atRisk') conds.push(eq(screeningRecords.atRisk, true));
  const rows = await deps.db
    .select({
      h: {
        id: households.id,
        headName: households.headName,
        householdNo: households.householdNo,
        regionCode: households.regionCode,
      },
      r: screeningRecords,
    })
    .from(households)
    .leftJoin(
      screeningRecords,
      and(eq(screeningRecords.householdId, households.id), eq(screeningRecords.campaignId, id)),
    )
    .where(and(...conds))
    .orderBy(asc(households.id))
    .limit(q.limit);
  return {
    items: rows.map(({ h, r }) => ({
      householdId: h.id,
      headName: h.headName,
      householdNo: h.householdNo,
      regionCode: h.regionCode,
      record: r ? presentRecord(r, h.headName) : null,
    })),
    nextAfter: rows.length === q.limit ? rows.at(-1)!.h.id : null,
  };
}
