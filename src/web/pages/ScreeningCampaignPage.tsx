import { useParams } from 'react-router';
import { CampaignDetail } from '../modules/screening/CampaignDetail';
import { NotFoundPage } from './NotFoundPage';

export function ScreeningCampaignPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <CampaignDetail key={id} id={id} />;
}
