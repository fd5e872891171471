import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { SYSTEM_ACTOR } from '../server/demo/demo';
import { importEconomics } from '../server/domains/registry-import/economics-import.service';
import { importHouseholds } from '../server/domains/registry-import/import.service';
import { openRuntime } from '../server/main';

const CLI_ACTOR = { ...SYSTEM_ACTOR, username: 'cli' };

/** `bangfu import households FILE` and `bangfu import economics FILE` (issue 3: registry imports). */
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
            onProgress: (p) => printProgress(p.phase, p.rowsRead, p.membersWritten, p.totalRows),
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
          const r = await importEconomics(rt.deps, CLI_ACTOR, path.resolve(file), {
            dryRun: !!opts.dryRun,
            onProgress: (p) => printProgress(p.phase, p.rowsRead, p.yearsWritten, p.totalRows),
          });
          process.stderr.write('\n');
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
}

/** One line on stderr, rewritten in place: rows read while validating, then written of the total. */
function printProgress(
  phase: 'validate' | 'write' | 'done',
  rowsRead: number,
  written: number,
  total: number | null,
): void {
  const label = phase === 'validate' ? '校验 validating' : phase === 'write' ? '写入 writing' : '完成 done';
  const count = phase === 'write' ? `${written}/${total ?? '?'}` : rowsRead;
  process.stderr.write(`\r${label}: ${count} rows   `);
}
