import { Command, Option } from 'commander';
import { ROLES, type Role } from '../core/accounts/roles';
import { AppError } from '../core/errors/errors';
import { loadConfig } from '../server/config';
import { loadDemo, SYSTEM_ACTOR } from '../server/demo/demo';
import { openRuntime, startServer } from '../server/main';
import { VERSION } from '../server/version';
import { addUser, resetUserPassword } from './user-commands';
import { registerPlanCommands } from './plan-commands';
import { registerHouseholdCommands } from './households-commands';
import { registerKeysCommands } from './keys-commands';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Password from --password, or from standard input with --password-stdin (keeps it out of shell history). */
async function passwordFrom(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (opts.passwordStdin) return readStdin();
  if (opts.password) return opts.password;
  throw new Error('请用 --password 或 --password-stdin 给出密码 / give --password or --password-stdin');
}

function report(e: unknown): never {
  if (e instanceof AppError) {
    console.error(`错误 ${e.code}: ${e.text.zh} / ${e.text.en}`);
    for (const d of e.details ?? []) console.error(`  ${d.path}: ${d.message.zh} / ${d.message.en}`);
  } else {
    console.error(e instanceof Error ? e.message : String(e));
  }
  process.exit(1);
}

const program = new Command()
  .name('bangfu')
  .description('帮扶 Bangfu — 县域结对及困难群众帮扶工作平台 command line')
  .version(VERSION)
  .addHelpText(
    'after',
    `
Configuration (environment): DATABASE_URL (PostgreSQL; default embedded PGlite), BANGFU_DATA_DIR (default ./data),
PORT (default 3000), BANGFU_DEMO (0/1), BANGFU_SESSION_IDLE_MINUTES, BANGFU_PII_KEY / BANGFU_PII_KEY_FILE.`,
  );

program
  .command('serve')
  .description(
    '启动服务 Start the web server (migrates first; loads the demo district into an empty embedded database)',
  )
  .option('-p, --port <port>', 'port to listen on (default $PORT or 3000)')
  .action(async (opts: { port?: string }) => {
    const env = opts.port ? { ...process.env, PORT: opts.port } : process.env;
    await startServer(loadConfig(env)).catch(report);
  });

program
  .command('migrate')
  .description('数据库迁移 Apply the database migrations and exit')
  .action(async () => {
    try {
      const rt = await openRuntime(loadConfig());
      console.log(`迁移完成 migrations applied (${rt.database.kind})`);
      await rt.close();
    } catch (e) {
      report(e);
    }
  });

program
  .command('demo')
  .description('载入演示数据 Load the demo district (示范区) into an empty database')
  .action(async () => {
    try {
      const rt = await openRuntime(loadConfig());
      try {
        const n = await loadDemo(rt.deps, { ...SYSTEM_ACTOR, username: 'cli' });
        console.log(
          `已载入演示数据: ${n.regions} 个区划, ${n.units} 个单位, ${n.users} 个账号 (密码 bangfu-demo)`,
        );
      } finally {
        await rt.close();
      }
    } catch (e) {
      report(e);
    }
  });

const user = program.command('user').description('用户管理 Manage user accounts');
user
  .command('add')
  .description('新建用户 Add a user account')
  .requiredOption('-u, --username <username>', 'login name')
  .requiredOption('-n, --name <displayName>', 'display name 姓名')
  .addOption(
    new Option('-r, --role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory(),
  )
  .option('--region <code>', 'region scope (12-digit code; required for town and village users)')
  .option('--unit <name>', 'unit name (required for unit users)')
  .option('--password <password>', 'initial password (≥10 characters, not the username)')
  .option('--password-stdin', 'read the password from standard input')
  .action(
    async (opts: {
      username: string;
      name: string;
      role: Role;
      region?: string;
      unit?: string;
      password?: string;
      passwordStdin?: boolean;
    }) => {
      try {
        const password = await passwordFrom(opts);
        const rt = await openRuntime(loadConfig());
        try {
          const created = await addUser(rt.deps, { ...opts, password });
          console.log(`已创建用户 created user ${created.username} (${created.role})`);
        } finally {
          await rt.close();
        }
      } catch (e) {
        report(e);
      }
    },
  );

user
  .command('reset-password')
  .description('重置密码 Set a new password (also unlocks the account and ends its sessions)')
  .argument('<username>', 'login name')
  .option('--password <password>', 'new password (≥10 characters, not the username)')
  .option('--password-stdin', 'read the password from standard input')
  .action(async (username: string, opts: { password?: string; passwordStdin?: boolean }) => {
    try {
      const password = await passwordFrom(opts);
      const rt = await openRuntime(loadConfig());
      try {
        await resetUserPassword(rt.deps, username, password);
        console.log(`已重置密码 password reset for ${username}`);
      } finally {
        await rt.close();
      }
    } catch (e) {
      report(e);
    }
  });

registerPlanCommands(program);
registerHouseholdCommands(program, report);
registerKeysCommands(program, report);

await program.parseAsync(process.argv);
