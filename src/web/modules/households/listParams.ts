import { OPEN_STEPS } from '../../../core/households/case-machine';
import { DEEP_GROUPS, MONITORING_STATUSES } from '../../../core/households/households.schemas';
import { MONITORING_TYPES } from '../../../core/monitoring/codes';
import { EMPTY_FILTER, type HouseholdFilter } from './householdQueries';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/**
 * The list's filters and year live in the address (`/households?year=2020&flagged=true&regionCode=…`),
 * so a link from the monitoring page opens the list already filtered, and reload or back keeps them.
 * Unknown or malformed values are dropped, never sent to the server.
 */
export function filterFromParams(params: URLSearchParams): { filter: HouseholdFilter; year: number | null } {
  const region = params.get('regionCode');
  const rule = params.get('flagRule');
  const y = Number(params.get('year') ?? NaN);
  const filter: HouseholdFilter = {
    ...EMPTY_FILTER,
    q: (params.get('q') ?? '').slice(0, 64),
    regionCode: region && /^\d{12}$/.test(region) ? region : undefined,
    monitoringStatus: oneOf(MONITORING_STATUSES, params.get('monitoringStatus')),
    monitoringType: oneOf(
      MONITORING_TYPES.map((t) => t.code),
      params.get('monitoringType'),
    ) as HouseholdFilter['monitoringType'],
    flagged: oneOf(['true', 'false'] as const, params.get('flagged')),
    flagRule: rule && /^[A-Za-z:]{1,40}$/.test(rule) ? rule : undefined,
    deepGroup: oneOf(DEEP_GROUPS, params.get('deepGroup')),
    withoutMeasure: params.get('withoutMeasure') === 'true' || undefined,
    caseStep: oneOf(OPEN_STEPS, params.get('caseStep')),
  };
  for (const k of Object.keys(filter) as (keyof HouseholdFilter)[])
    if (filter[k] === undefined) delete filter[k];
  return { filter, year: Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null };
}

/** The address of a filter and year (the inverse of `filterFromParams`; empty values left out). */
export function paramsFromFilter(filter: HouseholdFilter, year: number | null): URLSearchParams {
  const params = new URLSearchParams();
  if (year !== null) params.set('year', String(year));
  const entries: [string, string | boolean | undefined][] = [
    ['q', filter.q.trim()],
    ['regionCode', filter.regionCode],
    ['monitoringStatus', filter.monitoringStatus],
    ['monitoringType', filter.monitoringType],
    ['flagged', filter.flagged],
    ['flagRule', filter.flagRule],
    ['deepGroup', filter.deepGroup],
    ['withoutMeasure', filter.withoutMeasure],
    ['caseStep', filter.caseStep],
  ];
  for (const [k, v] of entries) if (v) params.set(k, String(v));
  return params;
}
