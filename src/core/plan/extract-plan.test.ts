import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDeadline } from './deadline';
import { extractPlan, listIndicators } from './extract-plan';
import { ExtractedPlanSchema, type ExtractedIndicator } from './plan.schemas';

/** The 2020 plan (public government document), copied beside the tests. */
const SOURCE = readFileSync(new URL('./fixtures/work-plan-2020.zh.txt', import.meta.url), 'utf8');

type Expected = Pick<
  ExtractedIndicator,
  'name' | 'comparison' | 'value' | 'valueMax' | 'unit' | 'valueYuan' | 'deadline' | 'per'
> & { clauseRef: string };

/** The plan's 11 quantitative targets (README R1, R3, R4, R6, R7). */
const EXPECTED: Expected[] = [
  // R1 district leaders visit XX county ≥2 times
  {
    clauseRef: '三(一)1',
    name: '区主要负责同志到XX县调研次数',
    comparison: 'gte',
    value: 2,
    valueMax: null,
    unit: '次',
    valueYuan: null,
    deadline: null,
    per: null,
  },
  // R1 each town/street's leaders ≥1 time
  {
    clauseRef: '三(一)1',
    name: '镇(街)主要负责同志到被帮扶乡(镇)、村联系次数',
    comparison: 'gte',
    value: 1,
    valueMax: null,
    unit: '次',
    valueYuan: null,
    deadline: null,
    per: 'town',
  },
  // R3 funds ≥1500万元, disbursed by end of March
  {
    clauseRef: '三(一)2',
    name: '帮扶资金',
    comparison: 'gte',
    value: 1500,
    valueMax: null,
    unit: '万元',
    valueYuan: 15_000_000,
    deadline: { kind: 'date', year: null, month: 3, day: null, label: '3月底前' },
    per: null,
  },
  // R3 disbursement/use rate 100%
  {
    clauseRef: '三(一)2',
    name: '资金拨付使用率',
    comparison: 'eq',
    value: 100,
    valueMax: null,
    unit: '%',
    valueYuan: null,
    deadline: null,
    per: null,
  },
  // R4 featured industry bases ≥5
  {
    clauseRef: '三(一)3',
    name: '特色产业基地数',
    comparison: 'gte',
    value: 5,
    valueMax: null,
    unit: '个',
    valueYuan: null,
    deadline: null,
    per: null,
  },
  // R4 cooperation organisations and leading enterprises 1–2
  {
    clauseRef: '三(一)3',
    name: '产业合作组织和龙头企业数',
    comparison: 'range',
    value: 1,
    valueMax: 2,
    unit: '个',
    valueYuan: null,
    deadline: null,
    per: null,
  },
  // R6 transferred to jobs in the district ≥3
  {
    clauseRef: '三(一)5',
    name: '转移就业贫困人口',
    comparison: 'gte',
    value: 3,
    valueMax: null,
    unit: '人',
    valueYuan: null,
    deadline: null,
    per: null,
  },
  // R6 employed locally ≥20
  {
    clauseRef: '三(一)5',
    name: '就地就近就业贫困人口',
    comparison: 'gte',
    value: 20,
    valueMax: null,
    unit: '人',
    valueYuan: null,
    deadline: null,
    per: null,
  },
  // R6 entrepreneur-leader trainings 2–3
  {
    clauseRef: '三(一)5',
    name: '创业致富带头人培训次数',
    comparison: 'range',
    value: 2,
    valueMax: 3,
    unit: '次',
    valueYuan: null,
    deadline: null,
    per: null,
  },
  // R7 centralised purchasing: 2 in the year, first and second half
  {
    clauseRef: '三(一)6',
    name: '集中采购次数',
    comparison: 'eq',
    value: 2,
    valueMax: null,
    unit: '次',
    valueYuan: null,
    deadline: { kind: 'each-half-year', count: 2, scope: 'year-total', label: '分上、下半年' },
    per: null,
  },
  // R7 donations ≥40万元 a year
  {
    clauseRef: '三(一)6',
    name: '年捐助金额',
    comparison: 'gte',
    value: 40,
    valueMax: null,
    unit: '万元',
    valueYuan: 400_000,
    deadline: null,
    per: null,
  },
];

describe('extractPlan on the 2020 plan', () => {
  const plan = extractPlan(SOURCE);
  const found = listIndicators(plan);

  it('produces a valid draft', () => {
    expect(ExtractedPlanSchema.parse(plan)).toEqual(plan);
  });

  it('reads the title and the year', () => {
    expect(plan.title).toBe('XX区2020年县域结对及困难群众帮扶工作要点');
    expect(plan.year).toBe(2020);
  });

  it('finds exactly the 11 quantitative targets, in document order', () => {
    expect(found).toHaveLength(11);
    expect(
      found.map(({ clauseRef, indicator: i }) => ({
        clauseRef,
        name: i.name,
        comparison: i.comparison,
        value: i.value,
        valueMax: i.valueMax,
        unit: i.unit,
        valueYuan: i.valueYuan,
        deadline: i.deadline,
        per: i.per,
      })),
    ).toEqual(EXPECTED);
  });

  it('keeps the source sentence and quantity phrase as written', () => {
    const funds = found[2]?.indicator;
    expect(funds?.sourceText).toBe('2020 年帮扶资金不低于 1500 万元,并在 3 月底前拨付到位');
    expect(funds?.quantityText).toBe('不低于 1500 万元');
    expect(found[6]?.indicator.quantityText).toBe('3 名以上');
    expect(found.every(({ indicator }) => SOURCE.includes(indicator.sourceText))).toBe(true);
  });

  it('resolves the funds deadline to 31 March of the plan year (R3)', () => {
    const deadline = found[2]?.indicator.deadline;
    expect(deadline).not.toBeNull();
    if (deadline) expect(resolveDeadline(deadline, plan.year ?? 0)).toBe('2020-03-31');
  });

  it('takes no year, date, or heading number for a target', () => {
    const values = found.map(({ indicator }) => indicator.value);
    expect(values).not.toContain(2020);
    expect(found.some(({ indicator }) => indicator.unit === '%' && indicator.value !== 100)).toBe(false);
  });

  it('builds the heading structure with refs', () => {
    expect(plan.sections.map((s) => [s.ref, s.level, s.title])).toEqual([
      [null, 0, 'XX区2020年县域结对及困难群众帮扶工作要点'],
      ['一', 1, '坚持理论学习,切实提高帮扶工作认识'],
      ['二', 1, '坚持统筹兼顾,坚决克服新冠肺炎影响'],
      ['三', 1, '坚持目标导向,确保完成年度工作任务'],
      ['三(一)', 2, '县域结对帮扶工作'],
      ['三(二)', 2, '困难群众帮扶工作'],
      ['四', 1, '坚持落实机制,加强帮扶跟踪问效力度'],
    ]);
    const county = plan.sections[4];
    expect(county?.clauses.map((c) => c.ref)).toEqual([
      '三(一)1',
      '三(一)2',
      '三(一)3',
      '三(一)4',
      '三(一)5',
      '三(一)6',
      '三(一)7',
    ]);
    expect(county?.clauses[1]?.title).toBe('落实帮扶资金,加强项目跟踪');
    expect(county?.clauses[1]?.text.startsWith('落实帮扶资金,加强项目跟踪。2020 年帮扶资金')).toBe(true);
    expect(plan.sections[0]?.clauses[0]?.text.startsWith('2020 年是全面打赢脱贫攻坚战')).toBe(true);
    expect(plan.sections[2]?.clauses).toHaveLength(1);
    expect(plan.sections[3]?.clauses).toHaveLength(0);
    expect(plan.sections[6]?.clauses.map((c) => c.title)).toEqual([
      '明确帮扶责任',
      '开展常态化暗访',
      '落实帮扶制度',
    ]);
  });

  it('works the same on a copy with full-width digits and CRLF line ends', () => {
    const fullWidth = SOURCE.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(
      /\n/g,
      '\r\n',
    );
    const again = listIndicators(extractPlan(fullWidth)).map(({ indicator: i }) => [i.name, i.value, i.unit]);
    expect(again).toEqual(found.map(({ indicator: i }) => [i.name, i.value, i.unit]));
  });

  it('uses the year option when the title has none', () => {
    const noTitle = extractPlan('1. 年底前建成不少于3个扶贫车间。', { year: 2021 });
    expect(noTitle.year).toBe(2021);
    expect(noTitle.title).toBeNull();
  });

  it('returns no sections for empty text', () => {
    expect(extractPlan('')).toEqual({ title: null, year: null, sections: [] });
    expect(extractPlan('  \n\n ')).toEqual({ title: null, year: null, sections: [] });
  });
});
