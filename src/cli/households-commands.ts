import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { SYSTEM_ACTOR } from '../server/demo/demo';
import { reencryptPii } from '../server/domains/households/keys';
import { importEconomics } from '../server/domains/registry-import/economics-import.service';
import { importHouseholds } from '../server/domains/registry-import/import.service';
import { openRuntime } from '../server/main';

const CLI_ACTOR = { ...SYSTEM_ACTOR, username: 'cli' };

/** `bangfu import households FILE`, `bangfu import economics FILE` and `bangfu keys rotate` (issue 3: registry import, personal-data keys). */
export function registerHouseholdCommands(program: Command, report: (e: unknown) => never): void {
  const imp = program.command('import').description('导入 Import ledgers');
  imp
    .command('households')
    .description('导入困难家庭花名册 Import households and members from an .xlsx ledger (all or nothing)')
    .argument('<file>', '.xlsx file (sheet 家庭成员, Chinese headers as in the template)')
    .option('--dry-run', 'validate only, write nothing')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      try {
        if (!fs.existsSync(file)) throw new Error(`文件不存在 no such file: ${file}`);
        const rt = await openRuntime(loadConfig());
        try {
          const r = await importHouseholds(rt.deps, CLI_ACTOR, path.resolve(file), {
            dryRun: !!opts.dryRun,
            onProgress: (p) =>
              process.stderr.write(
                `\r${p.phase === 'validate' ? '校验 validating' : p.phase === 'write' ? '写入 writing' : '完成 done'}: ${p.phase === 'write' ? `${p.membersWritten}/${p.totalRows ?? '?'}` : p.rowsRead} rows   `,
              ),
          });
          process.stderr.write('\n');
          for (const w of r.warnings.slice(0, 50)) console.error(`提示 ${w.path}: ${w.message.zh}`);
          if (!r.ok) {
            for (const e of r.errors.slice(0, 100)) console.error(`错误 ${e.path}: ${e.message.zh}`);
            console.error(
              `共 ${r.errorCount} 处错误，未导入任何数据 ${r.errorCount} error(s); nothing was imported`,
            );
            process.exitCode = 1;
          } else {
            console.log(
              `${r.dryRun ? '校验通过（未写入）validated' : '已导入 imported'}: ${r.households} 户 households, ${r.members} 人 members (${(r.ms / 1000).toFixed(1)} s)`,
            );
          }
        } finally {
          await rt.close();
        }
      } catch (e) {
        report(e);
      }
    });

  imp
    .command('economics')
    .description('导入家庭收支台账 Import the yearly income-and-expenditure ledger (.xlsx, all or nothing)')
    .argument('<file>', '.xlsx file (sheet 家庭收支; download it filled from the household list)')
    .option('--dry-run', 'validate only, write nothing')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      try {
        if (!fs.existsSync(file)) throw new Error(`文件不存在 no such file: ${file}`);
        const rt = await openRuntime(loadConfig());
        try {
          const r = await importEconomics(rt.deps, CLI_ACTOR, path.resolve(file), { dryRun: !!opts.dryRun });
          if (!r.ok) {
            for (const e of r.errors.slice(0, 100)) console.error(`错误 ${e.path}: ${e.message.zh}`);
            console.error(
              `共 ${r.errorCount} 处错误，未导入任何数据 ${r.errorCount} error(s); nothing was imported`,
            );
            process.exitCode = 1;
          } else {
            console.log(
              `${r.dryRun ? '校验通过（未写入）validated' : '已导入 imported'}: ${r.rows} 户年度 household-years (${r.created} 新增 new), ${r.flagged} 户触发监测 flagged (${(r.ms / 1000).toFixed(1)} s)`,
            );
          }
        } finally {
          await rt.close();
        }
      } catch (e) {
        report(e);
      }
    });

  const keys = program.command('keys').description('个人信息密钥 Personal-data keys');
  keys
    .command('rotate')
    .description(
      '轮换密钥 Add a new personal-data key and re-encrypt every ID number, phone and bank account with it',
    )
    .option(
      '--reencrypt-only',
      'do not add a key: finish an interrupted run, or after putting a new key in BANGFU_PII_KEY',
    )
    .action(async (opts: { reencryptOnly?: boolean }) => {
      try {
        const config = loadConfig();
        if (config.piiKey && !opts.reencryptOnly)
          throw new Error(
            'BANGFU_PII_KEY is set: put a new base64 key first in it (comma-separated, newest first), restart, then run `bangfu keys rotate --reencrypt-only`',
          );
        if (!opts.reencryptOnly) await rotate(config.piiKeyFile);
        const rt = await openRuntime(config);
        try {
          const r = await reencryptPii(rt.deps, CLI_ACTOR, rt.deps.pii, (n) =>
            process.stderr.write(`\r重新加密 re-encrypted ${n}   `),
          );
          process.stderr.write('\n');
          console.log(`密钥已轮换 key rotated to ${rt.deps.pii.keyId}; ${r.values} values re-encrypted`);
        } finally {
          await rt.close();
        }
      } catch (e) {
        report(e);
      }
    });
}

/** Writes the new key first in the key file (atomically); old keys stay for decryption and the hash key. */
async function rotate(keyFile: string): Promise<void> {
  const old = fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : '';
  const next = `${crypto.randomBytes(32).toString('base64')}\n${old}${old ? '\n' : ''}`;
  const tmp = `${keyFile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  fs.writeFileSync(tmp, next, { mode: 0o600 });
  fs.renameSync(tmp, keyFile);
}
