import fs from 'node:fs';
import type { Command } from 'commander';
import { extractPlan, listIndicators } from '../core/plan/extract-plan';
import type { ExtractedPlan } from '../core/plan/plan.schemas';

/** The `plan extract --json` shape (issue 4): sections → clauses → indicators, the fields a person confirms. */
export function planExtractJson(plan: ExtractedPlan) {
  return {
    title: plan.title,
    year: plan.year,
    sections: plan.sections.map((s) => ({
      title: s.title,
      ref: s.ref,
      clauses: s.clauses.map((c) => ({
        ref: c.ref,
        text: c.text,
        indicators: c.indicators.map((i) => ({
          name: i.name,
          comparison: i.comparison,
          value: i.value,
          valueMax: i.valueMax,
          unit: i.unit,
          deadline: i.deadline,
          per: i.per,
        })),
      })),
    })),
  };
}

const PER_ZH = { town: '镇(街)', unit: '单位', village: '村', household: '户', person: '人' } as const;
const COMPARISON_ZH = { gte: '≥', lte: '≤', eq: '=', range: '区间' } as const;

/** `bangfu plan extract FILE [--json] [--year N]`: the draft of a pasted plan text, nothing saved. */
export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('年度工作要点 The year’s plan');
  plan
    .command('extract')
    .description(
      '识别工作要点中的量化目标 Extract the draft plan (sections, clauses, targets) from a text file',
    )
    .argument('<file>', 'UTF-8 text of the plan')
    .option('--json', 'print JSON')
    .option('--year <year>', 'plan year when the title has none')
    .action((file: string, opts: { json?: boolean; year?: string }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        console.error(`无法读取文件 cannot read ${file}`);
        process.exit(1);
      }
      const draft = extractPlan(text, { year: opts.year ? Number(opts.year) : null });
      if (opts.json) {
        console.log(JSON.stringify(planExtractJson(draft), null, 2));
        return;
      }
      console.log(`${draft.title ?? '(无标题)'} — ${draft.year ?? '年度未知'}`);
      for (const { clauseRef, indicator: i } of listIndicators(draft)) {
        const target =
          i.comparison === 'range' ? `${i.value}-${i.valueMax}` : `${COMPARISON_ZH[i.comparison]} ${i.value}`;
        const per = i.per ? ` 每${PER_ZH[i.per]}` : '';
        const deadline = i.deadline ? ` 期限:${i.deadline.label}` : '';
        console.log(`${clauseRef}\t${i.name}\t${target} ${i.unit}${per}${deadline}`);
      }
    });
}
