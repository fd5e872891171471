import { useParams } from 'react-router';
import { UnitLedger } from '../modules/ledgers/UnitLedger';
import { NotFoundPage } from './NotFoundPage';

export function UnitLedgerPage() {
  const params = useParams();
  const unitId = Number(params.unitId);
  const year = Number(params.year);
  if (!Number.isInteger(unitId) || unitId <= 0 || !Number.isInteger(year) || year < 2000 || year > 2100)
    return <NotFoundPage />;
  return <UnitLedger key={`${unitId}-${year}`} unitId={unitId} year={year} />;
}
