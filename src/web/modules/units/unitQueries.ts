import { useQuery } from '@tanstack/react-query';
import { listUnits } from '../../api/units';

export const unitsKey = ['units'] as const;

/** All units (reference data every signed-in user reads; a few dozen rows). */
export function useUnits() {
  return useQuery({
    queryKey: unitsKey,
    queryFn: ({ signal }) => listUnits(signal).then((r) => r.items),
  });
}
