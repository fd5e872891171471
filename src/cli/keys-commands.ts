import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { SYSTEM_ACTOR } from '../server/demo/demo';
import { openRuntime } from '../server/main';
import { PII_TABLES } from '../server/pii/columns';
import { loadKeyRing } from '../server/pii/pii';
import { rotatePii } from '../server/pii/rotation';

const CLI_ACTOR = { ...SYSTEM_ACTOR, username: 'cli' };

/** `bangfu keys rotate` (issue 3: personal data at rest). */
export function registerKeysCommands(program: Command, report: (e: unknown) => never): void {
  const keys = program.command('keys').description('个人信息密钥 Personal-data keys');
  keys
    .command('rotate')
    .description(
      '轮换密钥 Add a new personal-data key, re-encrypt every encrypted column and re-hash every keyed hash with it (stop the server first)',
    )
    .option(
      '--reencrypt-only',
      'do not add a key: finish an interrupted run, or after putting a new key first in BANGFU_PII_KEY',
    )
    .option('--retire-old', 'after a successful rotation, keep only the new key in the key file')
    .action(async (opts: { reencryptOnly?: boolean; retireOld?: boolean }) => {
      try {
        const config = loadConfig();
        if (config.piiKey && !opts.reencryptOnly)
          throw new Error(
            'BANGFU_PII_KEY is set: put a new base64 key first in it (comma-separated, newest first), then run `bangfu keys rotate --reencrypt-only`',
          );
        if (config.piiKey && opts.retireOld)
          throw new Error('BANGFU_PII_KEY is set: remove the old keys from it yourself after the rotation');
        if (!opts.reencryptOnly) addKey(config.piiKeyFile);
        const rt = await openRuntime(config);
        try {
          const ring = loadKeyRing(config);
          const r = await rotatePii(rt.deps, CLI_ACTOR, ring, (n) =>
            process.stderr.write(`\r已处理 rows done ${n}   `),
          );
          process.stderr.write('\n');
          console.log(
            `密钥已轮换 key rotated to ${r.pii.keyId}: ${r.values} values re-encrypted, ${r.hashes} hashes recomputed in ${PII_TABLES.map((t) => t.name).join(', ')}`,
          );
          if (opts.retireOld) {
            writeKeyFile(config.piiKeyFile, [ring.current.key.toString('base64')]);
            console.log('旧密钥已移除 old keys removed from the key file');
          } else if (ring.previous.length > 0) {
            console.log(
              `旧密钥 ${ring.previous.map((k) => k.id).join(', ')} 已不再需要 are no longer needed (keep them only to restore backups made before this rotation)`,
            );
          }
        } finally {
          await rt.close();
        }
      } catch (e) {
        report(e);
      }
    });
}

/** Writes a new key first in the key file (atomically); old keys stay for decryption until the rotation is done. */
function addKey(keyFile: string): void {
  const old = fs.existsSync(keyFile)
    ? fs
        .readFileSync(keyFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
  writeKeyFile(keyFile, [crypto.randomBytes(32).toString('base64'), ...old]);
}

function writeKeyFile(keyFile: string, keys: string[]): void {
  const tmp = `${keyFile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  fs.writeFileSync(tmp, keys.join('\n') + '\n', { mode: 0o600 });
  fs.renameSync(tmp, keyFile);
}
