import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A journey's own `bangfu serve` on its own data folder (with the demo district), for journeys that
 * must restart the server, e.g. with the clock moved (BANGFU_CLOCK_OFFSET_DAYS). PGlite is
 * single-process: stop one server before starting the next on the same folder.
 */
export interface JourneyServer {
  url: string;
  dataDir: string;
  logPath: string;
  stop(): Promise<void>;
}

/**
 * A new data folder. Under scripts/e2e.mjs it is a copy of the folder the demo district was loaded
 * into once (BANGFU_E2E_DEMO_TEMPLATE), so the server finds the demo in place instead of running
 * initdb and loading it again; otherwise it is empty and the server loads the demo itself.
 */
export function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-journey-'));
  const template = process.env.BANGFU_E2E_DEMO_TEMPLATE;
  if (template && fs.existsSync(path.join(template, 'pglite'))) fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** Removes the data folder unless BANGFU_E2E_KEEP=1. */
export function removeDataDir(dataDir: string): void {
  if (process.env.BANGFU_E2E_KEEP === '1') console.log(`kept ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '(no log)';
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts `bangfu serve` on `dataDir` and waits until it answers /api/health and serves the web app. */
export async function startJourneyServer(opts: {
  dataDir: string;
  clockOffsetDays?: number;
  timeoutMs?: number;
}): Promise<JourneyServer> {
  const root = path.resolve(import.meta.dirname, '..');
  const webDir = path.join(root, 'dist/web');
  if (!fs.existsSync(path.join(webDir, 'index.html')))
    throw new Error('dist/web is missing: run `npm run e2e` (it builds the web app) or `npx vite build`');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const offset = opts.clockOffsetDays ?? 0;
  const logPath = path.join(opts.dataDir, `server-${Date.now()}-offset${offset}.log`);
  const log = fs.openSync(logPath, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BANGFU_DATA_DIR: opts.dataDir,
    BANGFU_WEB_DIR: webDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BANGFU_DEMO: '1',
    BANGFU_CLOCK_OFFSET_DAYS: String(offset),
  };
  // Never let a journey write into a PostgreSQL configured for other tests.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(root, 'bin/bangfu.mjs'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const done = exited(child);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([
      done.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), 15_000)),
    ]);
    if (killed) {
      child.kill('SIGKILL');
      await done;
    }
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`bangfu serve exited (${child.exitCode ?? child.signalCode}):\n${tail(logPath)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, dataDir: opts.dataDir, logPath, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`bangfu serve did not become healthy:\n${tail(logPath)}`);
}

/** The server's log so far (to check what it printed at start, e.g. the clock warning). */
export function serverLog(server: JourneyServer): string {
  return fs.readFileSync(server.logPath, 'utf8');
}
