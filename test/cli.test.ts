import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';

const run = promisify(execFile);
const bin = path.resolve('bin/bangfu.mjs');
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

/** The CLI against a real data folder (PGlite) or a fresh database on TEST_DATABASE_URL. */
beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-cli-'));
  env = { ...process.env, BANGFU_DATA_DIR: dataDir, DATABASE_URL: '' };
  let dropDb = async () => {};
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `bangfu_cli_${process.pid}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDb = async () => {
      const d = new pg.Client({ connectionString: url });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  }
  cleanup = async () => {
    await dropDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}, 120_000);
afterAll(() => cleanup());

const bangfu = (...args: string[]) => run(process.execPath, [bin, ...args], { env, timeout: 120_000 });

describe('bangfu CLI', { timeout: 180_000 }, () => {
  it('prints help for every command', async () => {
    for (const cmd of [[], ['serve'], ['migrate'], ['demo'], ['user', 'add'], ['user', 'reset-password']]) {
      const { stdout } = await bangfu(...cmd, '--help');
      expect(stdout).toMatch(/Usage: bangfu/);
    }
  });

  it('migrates, loads the demo once, adds a user and resets a password', async () => {
    expect((await bangfu('migrate')).stdout).toContain('迁移完成');
    expect((await bangfu('demo')).stdout).toMatch(/已载入演示数据: 99 个区划/);
    await expect(bangfu('demo')).rejects.toMatchObject({ stderr: expect.stringContaining('数据库不是空的') });
    const added = await bangfu(
      'user',
      'add',
      '-u',
      'qingshui2',
      '-n',
      '清水镇专干',
      '-r',
      'town',
      '--region',
      '349901100000',
      '--password',
      'qingshui-2026',
    );
    expect(added.stdout).toContain('qingshui2');
    await expect(
      bangfu('user', 'add', '-u', 'x1', '-n', 'x', '-r', 'town', '--password', 'long-enough-1'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('regionCode'),
    });
    await expect(bangfu('user', 'reset-password', 'qingshui2', '--password', 'short')).rejects.toMatchObject({
      stderr: expect.stringContaining('password'),
    });
    expect(
      (await bangfu('user', 'reset-password', 'qingshui2', '--password', 'another-pass-1')).stdout,
    ).toContain('qingshui2');
  });

  it('rotates the personal-data key over the demo: afterwards the new key alone reads and hashes everything', async () => {
    const keyFile = path.join(env.BANGFU_DATA_DIR!, 'secrets', 'pii.key');
    const lines = () => fs.readFileSync(keyFile, 'utf8').split('\n').filter(Boolean);
    const oldKeys = lines();
    expect(oldKeys).toHaveLength(1);
    const rotated = await bangfu('keys', 'rotate', '--retire-old');
    expect(rotated.stdout).toMatch(
      /key rotated to [0-9a-f]{8}: [1-9]\d* values re-encrypted, [1-9]\d* hashes recomputed in households, household_members, activities/,
    );
    expect(rotated.stdout).toContain('old keys removed from the key file');
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).not.toBe(oldKeys[0]);
    // With only the new key, a second run decrypts every value and finds every hash already made with it.
    expect((await bangfu('keys', 'rotate', '--reencrypt-only')).stdout).toMatch(
      /: 0 values re-encrypted, 0 hashes recomputed/,
    );
  });
});
