import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { createTestApp, type TestContext } from './helpers/test-app';

let t: TestContext;
let webDir: string;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-web-'));
  fs.writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><title>帮扶</title></html>',
  );
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestApp();
  app = await buildApp({ ...t.deps, config: { ...t.deps.config, webDir } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves the app shell for client-side routes and the built files as they are', async () => {
    const page = await app.inject({ method: 'GET', url: '/regions/349901100000' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('帮扶');
    const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.headers['content-type']).toContain('javascript');
  });

  it('still answers unknown API routes with the JSON 404 (after authentication)', async () => {
    const anon = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(anon.statusCode).toBe(401);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });
});
