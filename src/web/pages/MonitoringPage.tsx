import { MonitoringView } from '../modules/monitoring/MonitoringView';

export function MonitoringPage() {
  return <MonitoringView />;
}
