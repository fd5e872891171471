import { CampaignList } from '../modules/screening/CampaignList';

export function ScreeningPage() {
  return <CampaignList />;
}
