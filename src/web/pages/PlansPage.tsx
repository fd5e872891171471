import { PlanList } from '../modules/plans/PlanList';

export function PlansPage() {
  return <PlanList />;
}
