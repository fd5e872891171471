import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../deps';

/**
 * Where attachments live: one small interface so an S3-compatible store can replace the local folder
 * (ARCHITECTURE: "attachments go through one storage interface"). Shared by every domain that keeps
 * files (case attachments, activity evidence); each domain builds its own keys (`cases/<id>/<uuid>`,
 * `activities/<id>/<uuid>`).
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

/** The configured attachment storage (local folder under the data directory). */
export function attachmentStorageOf(deps: Pick<Deps, 'config'>): AttachmentStorage {
  return localFolderStorage(path.join(deps.config.dataDir, 'attachments'));
}
