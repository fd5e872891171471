import { useQuery } from '@tanstack/react-query';
import { getPlan, listManualValues, listPlans } from '../../api/plans';

export const plansKey = ['plans'] as const;

/** The year plans (a handful: one a year). */
export function usePlans() {
  return useQuery({
    queryKey: plansKey,
    queryFn: ({ signal }) => listPlans(signal).then((r) => r.items),
  });
}

export function usePlan(id: number | null) {
  return useQuery({
    queryKey: [...plansKey, id],
    queryFn: ({ signal }) => getPlan(id!, signal),
    enabled: id !== null,
  });
}

export function useManualValues(indicatorId: number | null) {
  return useQuery({
    queryKey: [...plansKey, 'manual', indicatorId],
    queryFn: ({ signal }) => listManualValues(indicatorId!, signal).then((r) => r.items),
    enabled: indicatorId !== null,
  });
}
