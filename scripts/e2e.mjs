#!/usr/bin/env node
// End-to-end journeys: builds the web app if needed, starts `bangfu serve` on a throwaway data folder
// with the demo district, runs the Playwright journeys (vitest.e2e.config.ts) against it, stops it.
// A journey that must restart the server (households.e2e.ts moves the clock six days with
// BANGFU_CLOCK_OFFSET_DAYS) starts its own on its own data folder through e2e/journey-server.ts.
//
// The demo district is loaded once, into a template folder that the server and those journeys copy.
//
// Env: BANGFU_E2E_REQUIRED=1 fails (instead of skipping) when Chromium is missing;
//      BANGFU_E2E_URL=http://… runs against a server that is already up (nothing is started);
//      BANGFU_E2E_KEEP=1 keeps the temporary data folder and server log.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

if (!fs.existsSync(CHROMIUM)) {
  console.log('Chromium not installed: skipping e2e (apt-get install chromium fonts-noto-cjk)');
  process.exit(process.env.BANGFU_E2E_REQUIRED === '1' ? 1 : 0);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const vitestArgs = ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)];

function runVitest(url, demoTemplate) {
  const env = { ...process.env, BANGFU_E2E_URL: url };
  if (demoTemplate) env.BANGFU_E2E_DEMO_TEMPLATE = demoTemplate;
  const result = spawnSync(npx, vitestArgs, { stdio: 'inherit', env });
  return result.status ?? 1;
}

if (process.env.BANGFU_E2E_URL) {
  process.exit(runVitest(process.env.BANGFU_E2E_URL));
}

// Always build: a stale dist/web would test yesterday's UI (BANGFU_E2E_NO_BUILD=1 skips it when you know).
if (process.env.BANGFU_E2E_NO_BUILD !== '1' || !fs.existsSync(path.join(root, 'dist/web/index.html'))) {
  console.log('building the web app (vite build)');
  const build = spawnSync(npx, ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('vite build failed');
    process.exit(build.status ?? 1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-'));
const logPath = path.join(dataDir, 'server.log');
const log = fs.openSync(logPath, 'a');
// The demo district, loaded once by a server on its own folder and stopped: the journeys' server and
// every journey that starts its own server (e2e/journey-server.ts) start from a copy of this folder
// instead of running initdb and loading the demo again (~1 min of CPU each).
const templateRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-demo-'));
const templateDir = path.join(templateRoot, 'data');
const templateLogPath = path.join(templateRoot, 'server.log');
const templateLog = fs.openSync(templateLogPath, 'a');

/** `bangfu serve` on `dir` with the demo district (loaded into an empty database at start). */
async function startServer(dir, out) {
  const port = await freePort();
  const env = {
    ...process.env,
    BANGFU_DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BANGFU_DEMO: '1',
  };
  // Never let the journeys write into a real PostgreSQL configured for other tests.
  delete env.DATABASE_URL;
  delete env.BANGFU_WEB_DIR;
  const child = spawn(process.execPath, ['bin/bangfu.mjs', 'serve'], { env, stdio: ['ignore', out, out] });
  const started = { url: `http://127.0.0.1:${port}`, child, exited: false };
  child.on('exit', () => {
    started.exited = true;
  });
  return started;
}

/** @type {{ url: string, child: import('node:child_process').ChildProcess, exited: boolean } | undefined} */
let server;

function printServerLog(file = logPath) {
  try {
    console.error(`--- server log (${file}) ---\n${fs.readFileSync(file, 'utf8').slice(-6000)}`);
  } catch {
    // no log
  }
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server || server.exited) return false;
    try {
      const res = await fetch(`${server.url}/api/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function stopServer() {
  if (!server || server.exited) return;
  server.child.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (!server.exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (!server.exited) server.child.kill('SIGKILL');
}

function cleanUp() {
  fs.closeSync(log);
  fs.closeSync(templateLog);
  if (process.env.BANGFU_E2E_KEEP === '1') console.log(`kept ${dataDir} and ${templateRoot}`);
  else {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(templateRoot, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void stopServer().then(() => {
      cleanUp();
      process.exit(130);
    });
  });
}

/** Loads the demo into the template folder (a server start on an empty folder), then stops cleanly. */
async function prepareTemplate() {
  console.log(`loading the demo district once (template ${templateDir})`);
  server = await startServer(templateDir, templateLog);
  // initdb, the migrations and the demo: the longest start of the run, so the most patient wait.
  const healthy = await waitForHealth(300_000);
  await stopServer();
  if (!healthy || server.child.exitCode !== 0) {
    console.error('the server that loads the demo template did not start or stop cleanly');
    printServerLog(templateLogPath);
    return false;
  }
  fs.cpSync(templateDir, dataDir, { recursive: true });
  return true;
}

let code = 1;
if (await prepareTemplate()) {
  server = await startServer(dataDir, log);
  const { url } = server;
  console.log(`starting bangfu serve on ${url} (data ${dataDir}, a copy of the template)`);
  if (await waitForHealth(180_000)) {
    const home = await fetch(url)
      .then((r) => r.text())
      .catch(() => '');
    if (!home.includes('<div id="root">')) {
      console.error(`the server at ${url} does not serve the web app (dist/web)`);
      printServerLog();
    } else {
      code = runVitest(url, templateDir);
      if (code !== 0) printServerLog();
    }
  } else {
    console.error('the server did not become healthy');
    printServerLog();
  }
}
await stopServer();
cleanUp();
process.exit(code);
