import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import type { EvidenceRef } from '../../../core/activities/activities.schemas';
import { AppError } from '../../../core/errors/errors';
import { audit, logPiiAccess } from '../../audit/audit';
import { activities } from '../../db/schema';
import type { Deps } from '../../deps';
import { attachmentStorageOf } from '../../storage/attachment-storage';
import { checkUploadedFile, sniffFileType } from '../../storage/uploads';
import { canWriteActivity } from './activities.policy';
import { asTarget, getActivity, loadVisible } from './activities.service';

/** Evidence files of a record are referenced as `evidence:<uuid>` in its `evidence` list. */
export const EVIDENCE_REF_PREFIX = 'evidence:';
/** The most evidence entries a record keeps (the input schema's limit). */
export const MAX_EVIDENCE = 50;

/** The storage key of an evidence file: under the record, so a ref only ever reaches its own record's files. */
export function evidenceKey(activityId: number, uuid: string): string {
  return `activities/${activityId}/${uuid}`;
}

const evidenceOf = (value: unknown): EvidenceRef[] => (Array.isArray(value) ? (value as EvidenceRef[]) : []);

/**
 * Stores an evidence file (photo, sign-in sheet, receipt) of a record and appends `{ name, ref }` to
 * its evidence; allowed to whoever may edit the record (out of scope answers 404), audited once.
 */
export async function addEvidence(
  deps: Deps,
  actor: Actor,
  id: number,
  file: { fileName: string; contentType: string; data: Buffer },
) {
  // Scope first, so a file sent to another unit's record learns nothing but 404.
  const visible = await loadVisible(deps.db, actor, id);
  if (!canWriteActivity(actor, asTarget(visible))) throw new AppError('forbidden');
  const contentType = checkUploadedFile(file);
  if (evidenceOf(visible.evidence).length >= MAX_EVIDENCE) throw tooMany();

  const uuid = crypto.randomUUID();
  const key = evidenceKey(id, uuid);
  const storage = attachmentStorageOf(deps);
  await storage.put(key, file.data);
  try {
    await deps.db.transaction(async (tx) => {
      const before = await loadVisible(tx, actor, id);
      if (!canWriteActivity(actor, asTarget(before))) throw new AppError('forbidden');
      // Lock the row so concurrent uploads append rather than overwrite each other.
      const [locked] = await tx
        .select({ evidence: activities.evidence })
        .from(activities)
        .where(eq(activities.id, id))
        .for('update');
      const current = evidenceOf(locked?.evidence);
      if (current.length >= MAX_EVIDENCE) throw tooMany();
      const added: EvidenceRef = { name: file.fileName, ref: `${EVIDENCE_REF_PREFIX}${uuid}` };
      const evidence = [...current, added];
      await tx.update(activities).set({ evidence, updatedAt: deps.now() }).where(eq(activities.id, id));
      await audit(tx, actor, {
        action: 'activity.evidence_add',
        entity: 'activity',
        entityId: id,
        before: { evidence: current },
        after: {
          evidence,
          file: {
            ...added,
            contentType,
            size: file.data.length,
            sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
          },
        },
      });
    });
  } catch (e) {
    await storage.remove(key);
    throw e;
  }
  return getActivity(deps, actor, id);
}

function tooMany() {
  return new AppError('conflict', {
    zh: `每条记录最多 ${MAX_EVIDENCE} 份佐证材料`,
    en: `A record keeps at most ${MAX_EVIDENCE} evidence files`,
  });
}

/**
 * An evidence file of a record, for whoever may read the record (out of scope answers 404). Evidence
 * can show people (sign-in sheets, photos), so every download is logged.
 */
export async function evidenceFile(deps: Deps, actor: Actor, id: number, uuid: string) {
  const row = await loadVisible(deps.db, actor, id);
  const ref = `${EVIDENCE_REF_PREFIX}${uuid}`;
  const entry = evidenceOf(row.evidence).find((e) => e.ref === ref);
  if (!entry) throw new AppError('not_found');
  let data: Buffer;
  try {
    data = await attachmentStorageOf(deps).get(evidenceKey(id, uuid));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found');
    throw e;
  }
  await logPiiAccess(deps.db, actor, { kind: 'view', entity: 'activity', entityId: id, field: ref });
  return {
    data,
    fileName: entry.name,
    // Stored files passed the content check on upload; the type comes from their first bytes.
    contentType: sniffFileType(data) ?? 'application/octet-stream',
  };
}
