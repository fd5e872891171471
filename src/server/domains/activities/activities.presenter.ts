import type { Activity, ActivityType, EvidenceRef } from '../../../core/activities/activities.schemas';
import { maskIdNumber } from '../../../core/identity/mask';
import type { Pii } from '../../pii/pii';
import type { ActivityRow } from './activities.repository';

/** Explicit output fields; the person's ID number leaves only masked (Privacy), never the hash or ciphertext. */
export function presentActivity(row: ActivityRow, pii: Pii): Activity {
  return {
    id: row.id,
    type: row.type as ActivityType,
    date: row.date,
    unitId: row.unitId,
    unitName: row.unitName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    countyCode: row.countyCode,
    townCode: row.townCode,
    amountYuan: row.amountYuan,
    peopleCount: row.peopleCount,
    person:
      row.personIdEnc && row.personName
        ? { name: row.personName, idNumberMasked: maskIdNumber(pii.decrypt(row.personIdEnc)) }
        : null,
    details: (row.details ?? {}) as Record<string, unknown>,
    evidence: (row.evidence ?? []) as EvidenceRef[],
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a record: the presented (masked) shape without timestamps. */
export function auditActivity(a: Activity) {
  const { createdAt: _c, updatedAt: _u, ...rest } = a;
  return rest;
}
