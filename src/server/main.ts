import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase, migrateDatabase, type Database } from './db/client';
import { acquireDataDirLock } from './db/lock';
import { scheduleNightlyVacuum } from './db/maintenance';
import { isDatabaseEmpty, loadDemo } from './demo/demo';
import type { Deps } from './deps';
import { purgeIdleSessions } from './domains/auth/auth.service';
import { createPii, loadKeyRing } from './pii/pii';
import { resolveHashKeyId } from './pii/rotation';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The server's clock: real time plus `offsetDays` whole days (BANGFU_CLOCK_OFFSET_DAYS). Everything the
 * application decides by time reads it through `deps.now()`: step deadlines and the notice's minimum
 * length, "today" for ages and dates, and sessions (their last-seen time is written and checked on
 * this same clock, so idle expiry still means 30 real minutes, and a session from before a jump
 * expires at once). The audit log and row creation times keep the database's real clock: the trail
 * says when things truly happened.
 */
export function offsetClock(offsetDays: number, realNow: () => number = Date.now): () => Date {
  const offsetMs = offsetDays * DAY_MS;
  return () => new Date(realNow() + offsetMs);
}

export interface Runtime {
  deps: Deps;
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the configured database (holding the data-folder lock for PGlite), applies migrations and
 * loads the personal-data keys. Every CLI command and the server start here.
 */
export async function openRuntime(config: Config): Promise<Runtime> {
  const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateDatabase(database);
    const ring = loadKeyRing(config);
    const pii = createPii(ring, await resolveHashKeyId(database.db, ring));
    if (config.clockOffsetDays !== 0) {
      console.warn(
        `警告 WARNING: 服务器时钟偏移 ${config.clockOffsetDays} 天 (BANGFU_CLOCK_OFFSET_DAYS=${config.clockOffsetDays}); ` +
          'server clock shifted for demo/training/tests only — never in production',
      );
    }
    const deps: Deps = { db: database.db, database, config, pii, now: offsetClock(config.clockOffsetDays) };
    return {
      deps,
      database,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Whether `serve` loads the demo district into an empty database: by default on PGlite only. */
export function shouldLoadDemo(config: Config, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.BANGFU_DEMO === '0') return false;
  if (env.BANGFU_DEMO === '1') return true;
  return !config.databaseUrl;
}

export async function startServer(config: Config): Promise<{ app: FastifyInstance; runtime: Runtime }> {
  const runtime = await openRuntime(config);
  const { deps } = runtime;
  if (shouldLoadDemo(config) && (await isDatabaseEmpty(deps))) {
    const loaded = await loadDemo(deps);
    console.log(
      `已载入演示数据 demo district loaded: ${loaded.regions} regions, ${loaded.units} units, ${loaded.users} accounts`,
    );
  }
  const app = await buildApp(deps, {
    logger: {
      level: config.logLevel,
      // Never log bodies or cookies: they carry passwords and personal data.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: {
        // Query strings can carry search terms such as names or ID numbers: log the path only.
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          ip: req.ip,
        }),
      },
    },
  });
  const purge = setInterval(() => void purgeIdleSessions(deps).catch(() => {}), 10 * 60_000);
  purge.unref();
  // PGlite has no autovacuum: dead rows are removed every night (nothing on PostgreSQL).
  const stopVacuum = scheduleNightlyVacuum(deps.database, (m) => app.log.info(m));
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    clearInterval(purge);
    stopVacuum();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  console.log(`帮扶 Bangfu 已启动: http://localhost:${config.port}  (数据库 ${deps.database.kind})`);
  return { app, runtime };
}
