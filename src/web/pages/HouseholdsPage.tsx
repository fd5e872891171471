import { HouseholdList } from '../modules/households/HouseholdList';

export function HouseholdsPage() {
  return <HouseholdList />;
}
