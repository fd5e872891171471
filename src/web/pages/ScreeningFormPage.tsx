import { useParams } from 'react-router';
import { ScreeningForm } from '../modules/screening/ScreeningForm';
import { NotFoundPage } from './NotFoundPage';

export function ScreeningFormPage() {
  const params = useParams();
  const id = Number(params.id);
  const householdId = Number(params.householdId);
  if (![id, householdId].every((n) => Number.isInteger(n) && n > 0)) return <NotFoundPage />;
  return <ScreeningForm key={`${id}-${householdId}`} campaignId={id} householdId={householdId} />;
}
