import { and, asc, eq, sql } from 'drizzle-orm';
import { assessEpidemicRisk, SCREENING_AREAS, type ScreeningInput } from '../../../core/households/screening';
import { mulberry32, randomInt, type Rng } from '../../../core/identity/random';
import { DEMO_YEAR_CONFIG_2020 } from '../../../core/monitoring/config';
import { monitoringLineOf } from '../../../core/monitoring/income';
import type { Tx } from '../../db/client';
import {
  householdMembers,
  households,
  householdYears,
  regions,
  screeningCampaigns,
  screeningRecords,
} from '../../db/schema';
import type { Deps } from '../../deps';

/** How often each area is hit in the demo (some / severe), roughly as in a spring-2020 sweep. */
const ODDS: Record<(typeof SCREENING_AREAS)[number], [number, number]> = {
  industry: [0.12, 0.02],
  employment: [0.3, 0.04],
  medical: [0.06, 0.02],
  schooling: [0.08, 0.01],
  productSales: [0.2, 0.03],
};

function demoScreening(rng: Rng, screenedOn: string): ScreeningInput {
  const difficulties = Object.fromEntries(
    SCREENING_AREAS.map((a) => {
      const [some, severe] = ODDS[a];
      const r = rng();
      const level = r < severe ? 'severe' : r < severe + some ? 'some' : 'none';
      return [a, { level, note: null }];
    }),
  ) as ScreeningInput['difficulties'];
  const hit = SCREENING_AREAS.some((a) => difficulties[a].level !== 'none');
  return {
    screenedOn,
    difficulties,
    incomeLoss: hit ? randomInt(rng, 5, 60) * 100 : 0,
    note: null,
  };
}

/**
 * The demo's epidemic screening (R9): one open district-wide campaign of 2020 with about a third of
 * the households screened, so the progress, the at-risk list and the phone form all have something
 * to show while most households are still to screen. Deterministic from the seed.
 */
export async function loadScreeningDemo(deps: Deps, tx: Tx, seed: number): Promise<{ screened: number }> {
  const rng = mulberry32(seed + 9);
  const now = deps.now();
  const [county] = await tx
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, 'county'), eq(regions.tree, 'district')));
  if (!county) return { screened: 0 };
  const [campaign] = await tx
    .insert(screeningCampaigns)
    .values({
      name: '2020年疫情影响排查',
      year: 2020,
      regionCode: county.code,
      startDate: '2020-02-20',
      endDate: '2020-04-30',
      createdAt: now,
    })
    .returning({ id: screeningCampaigns.id });
  const rows = await tx
    .select({
      id: households.id,
      countyCode: households.countyCode,
      regionCode: households.regionCode,
      size: sql<number>`(select count(*)::int from ${householdMembers} m where m.household_id = ${households.id} and m.active)`,
      pc: householdYears.perCapitaNetIncome,
    })
    .from(households)
    .leftJoin(
      householdYears,
      and(eq(householdYears.householdId, households.id), eq(householdYears.year, 2020)),
    )
    .where(eq(households.active, true))
    .orderBy(asc(households.id));
  const line = monitoringLineOf(DEMO_YEAR_CONFIG_2020);
  const values = [];
  for (const h of rows) {
    if (rng() >= 0.35) continue;
    const input = demoScreening(rng, `2020-03-${String(randomInt(rng, 1, 28)).padStart(2, '0')}`);
    const verdict = assessEpidemicRisk(input, {
      size: h.size,
      perCapitaNetIncome: h.pc,
      monitoringLine: line,
    });
    values.push({
      campaignId: campaign!.id,
      householdId: h.id,
      countyCode: h.countyCode,
      regionCode: h.regionCode,
      screenedOn: input.screenedOn,
      difficulties: input.difficulties,
      incomeLoss: input.incomeLoss,
      atRisk: verdict.atRisk,
      reasons: verdict.reasons,
      note: null,
      updatedAt: now,
    });
  }
  for (let i = 0; i < values.length; i += 500)
    await tx.insert(screeningRecords).values(values.slice(i, i + 500));
  return { screened: values.length };
}
