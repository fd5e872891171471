import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import type { UnitReportingQuery, UnitReportingResponse } from '../../../core/progress/progress.schemas';
import { activities, units } from '../../db/schema';
import type { Deps } from '../../deps';
import { canReadPlans } from '../plans/plans.policy';

/**
 * R13 每月填报: how many records each unit dated within the period, whatever their type — the office
 * sees at a glance who has not reported this month. Counts and types only, so every role that reads
 * the plan's progress may see it; the records themselves stay behind their own scope.
 */
export async function unitReporting(
  deps: Deps,
  actor: Actor,
  q: UnitReportingQuery,
): Promise<UnitReportingResponse> {
  if (!canReadPlans(actor)) throw new AppError('forbidden');
  const records = sql<number>`count(*)::int`;
  const rows = await deps.db
    .select({
      unitId: activities.unitId,
      unitName: units.name,
      records,
      types: sql<string[]>`array_agg(distinct ${activities.type} order by ${activities.type})`,
    })
    .from(activities)
    .innerJoin(units, eq(units.id, activities.unitId))
    .where(and(gte(activities.date, q.from), lte(activities.date, q.to)))
    .groupBy(activities.unitId, units.name)
    .orderBy(desc(records), asc(activities.unitId));
  return { from: q.from, to: q.to, items: rows };
}
