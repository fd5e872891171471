import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where attachments live: one small interface so an S3-compatible store can replace the local folder
 * (ARCHITECTURE: "attachments go through one storage interface").
 */
export interface AttachmentStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Deletion exists for failed uploads only; records are never deleted. */
  remove(key: string): Promise<void>;
}

/** Local folder storage under `<dataDir>/attachments`; keys are generated server-side, never from the client. */
export function localFolderStorage(root: string): AttachmentStorage {
  const resolve = (key: string) => {
    if (!/^[a-z0-9/_-]+$/i.test(key) || key.includes('..')) throw new Error('storage: invalid key');
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, data, { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    get: (key) => fs.readFile(resolve(key)),
    async remove(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}

/** A fresh storage key for a case attachment. */
export function attachmentKey(caseId: number): string {
  return `cases/${caseId}/${crypto.randomUUID()}`;
}
