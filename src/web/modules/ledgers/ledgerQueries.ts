import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/ApiError';
import { getUnitPlan, listUnitPlans } from '../../api/ledgers';

export const ledgersKey = ['unit-plans'] as const;

export function useUnitPlans(year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...ledgersKey, 'list', year],
    queryFn: ({ signal }) => listUnitPlans(year, signal).then((r) => r.items),
    enabled,
  });
}

/** A unit's plan and ledger of a year; `null` when the unit has not written it yet. */
export function useUnitPlan(unitId: number, year: number) {
  return useQuery({
    queryKey: [...ledgersKey, unitId, year],
    queryFn: async ({ signal }) => {
      try {
        return await getUnitPlan(unitId, year, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
