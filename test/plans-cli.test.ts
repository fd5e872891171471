import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/bangfu.mjs');
const SOURCE = path.resolve('src/core/plan/fixtures/work-plan-2020.zh.txt');

describe('bangfu plan extract', () => {
  it('prints the draft of the 2020 plan as JSON: sections → clauses → the 11 targets', async () => {
    const { stdout } = await run(process.execPath, [bin, 'plan', 'extract', SOURCE, '--json'], {
      timeout: 60_000,
    });
    const draft = JSON.parse(stdout);
    type I = {
      name: string;
      comparison: string;
      value: number;
      valueMax: number | null;
      unit: string;
      deadline: unknown;
      per: string | null;
    };
    const indicators: I[] = draft.sections.flatMap((s: { clauses: { indicators: I[] }[] }) =>
      s.clauses.flatMap((c) => c.indicators),
    );
    expect(indicators).toHaveLength(11);
    expect(Object.keys(indicators[0]!).sort()).toEqual([
      'comparison',
      'deadline',
      'name',
      'per',
      'unit',
      'value',
      'valueMax',
    ]);
    expect(indicators.find((i) => i.name === '帮扶资金')).toMatchObject({
      comparison: 'gte',
      value: 1500,
      unit: '万元',
      deadline: { kind: 'date', month: 3, label: '3月底前' },
    });
    expect(draft.sections[0]).toHaveProperty('title');
    expect(draft.sections[0].clauses[0]).toHaveProperty('text');
  });

  it('prints one line per target without --json, and fails clearly on a missing file', async () => {
    const { stdout } = await run(process.execPath, [bin, 'plan', 'extract', SOURCE], { timeout: 60_000 });
    expect(stdout.trim().split('\n')).toHaveLength(12);
    expect(stdout).toContain('镇(街)主要负责同志到被帮扶乡(镇)、村联系次数\t≥ 1 次 每镇(街)');
    await expect(run(process.execPath, [bin, 'plan', 'extract', '/nonexistent.txt'])).rejects.toMatchObject({
      code: 1,
    });
  });
});
