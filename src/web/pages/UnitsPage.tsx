import { UnitDirectory } from '../modules/units/UnitDirectory';

export function UnitsPage() {
  return <UnitDirectory />;
}
