import { useParams } from 'react-router';
import { PlanDetail } from '../modules/plans/PlanDetail';
import { NotFoundPage } from './NotFoundPage';

export function PlanDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <PlanDetail key={id} planId={id} />;
}
