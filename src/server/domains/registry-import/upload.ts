import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import type { Deps } from '../../deps';

/** Who may import ledgers: the office, towns and villages (each within its area). */
export function requireImporter(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'town' && actor.role !== 'village')
    throw new AppError('forbidden');
}

/**
 * An uploaded workbook (the raw request body) after the role check: refused unless it is a zip (an
 * .xlsx), then saved as a private file under the data folder for the streaming reader. The caller
 * removes it when the import ends.
 */
export function saveUploadedWorkbook(deps: Deps, actor: Actor, data: Buffer): { id: string; file: string } {
  requireImporter(actor);
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50)
    throw new AppError('validation', { zh: '请上传 .xlsx 文件', en: 'Upload an .xlsx file' }, [
      {
        path: 'body',
        code: 'file.not_xlsx',
        message: { zh: '文件不是 .xlsx 格式', en: 'Not an .xlsx file' },
      },
    ]);
  const dir = path.join(deps.config.dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const id = crypto.randomUUID();
  const file = path.join(dir, `${id}.xlsx`);
  fs.writeFileSync(file, data, { mode: 0o600 });
  return { id, file };
}
