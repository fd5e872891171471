import { LedgerOverview } from '../modules/ledgers/LedgerOverview';

export function LedgersPage() {
  return <LedgerOverview />;
}
