import { useParams } from 'react-router';
import { CaseDetail } from '../modules/cases/CaseDetail';
import { NotFoundPage } from './NotFoundPage';

export function CaseDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <CaseDetail key={id} id={id} />;
}
