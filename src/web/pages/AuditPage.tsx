import { AuditLog } from '../modules/audit/AuditLog';

export function AuditPage() {
  return <AuditLog />;
}
