#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it.
//   1. npm run check (types, lint, format; zero warnings)
//   2. unit + service + HTTP tests on PGlite
//   3. the service + HTTP tests again on PostgreSQL, when TEST_DATABASE_URL is set
//   4. the Playwright journeys in Chromium (skipped with a notice when /usr/bin/chromium is absent,
//      unless BANGFU_E2E_REQUIRED=1)
// Ends with one plain line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'test-results');
fs.mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
const stages = [];

function run(name, cmd, args, env) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  return { ok: r.status === 0, seconds };
}

/** Runs vitest (directly, or through a wrapper script that passes its arguments on) and counts its tests. */
function vitest(name, file, args, env, command = ['npx', 'vitest', 'run']) {
  const json = path.join(out, file);
  fs.rmSync(json, { force: true });
  const [cmd, ...pre] = command;
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${json}`];
  const r = run(name, cmd, [...pre, ...args, ...reporters], env);
  let p = 0;
  let f = 0;
  if (fs.existsSync(json)) {
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    p = report.numPassedTests;
    f = report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
    // A file that failed to load counts as a failure even if no test in it ran.
    f += report.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
  } else {
    f = 1;
  }
  if (!r.ok && f === 0) f = 1;
  passed += p;
  failed += f;
  stages.push(`${name}: ${p} passed, ${f} failed (${r.seconds} s)`);
}

const check = run('npm run check (types, lint, format)', 'npm', ['run', '--silent', 'check']);
if (check.ok) passed += 1;
else failed += 1;
stages.push(`check: ${check.ok ? 'clean' : 'FAILED'} (${check.seconds} s)`);

vitest('tests on PGlite', 'vitest-pglite.json', [], { TEST_DATABASE_URL: '' });

if (process.env.TEST_DATABASE_URL) {
  vitest('service and HTTP tests on PostgreSQL', 'vitest-postgres.json', ['test/'], {});
} else {
  stages.push('PostgreSQL: skipped (set TEST_DATABASE_URL to run the suite on a PostgreSQL server too)');
}

if (fs.existsSync('/usr/bin/chromium') || process.env.BANGFU_E2E_REQUIRED === '1') {
  vitest('end-to-end journeys in Chromium', 'vitest-e2e.json', [], {}, ['node', 'scripts/e2e.mjs']);
} else {
  stages.push('e2e: skipped (Chromium not installed: apt-get install chromium fonts-noto-cjk)');
}

console.log('\n=== summary ===');
for (const s of stages) console.log(s);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
