// `npm run bench -- <name> [args]`: runs bench/<name>.ts; without a name, lists the benchmarks.
// Benchmarks print their figures beside a baseline measured in the same run; they are never tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  console.log(`Benchmarks: ${names.join(', ') || '(none yet)'}\nUsage: npm run bench -- <name> [args]`);
  process.exit(name ? 1 : 0);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--expose-gc', path.join(dir, `${name}.ts`), ...args],
  {
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
