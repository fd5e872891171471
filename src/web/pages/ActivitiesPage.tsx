import { ActivityList } from '../modules/activities/ActivityList';

export function ActivitiesPage() {
  return <ActivityList />;
}
