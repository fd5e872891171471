import { CaseQueue } from '../modules/cases/CaseQueue';

export function CasesPage() {
  return <CaseQueue />;
}
