import { useParams } from 'react-router';
import { HouseholdDetail } from '../modules/households/HouseholdDetail';
import { NotFoundPage } from './NotFoundPage';

export function HouseholdDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <HouseholdDetail key={id} id={id} />;
}
