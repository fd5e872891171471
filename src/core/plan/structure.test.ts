import { describe, expect, it } from 'vitest';
import { parseStructure } from './structure';

describe('parseStructure', () => {
  it('reads 一、 / (一) / 1. headings into sections and clauses', () => {
    const { title, sections } = parseStructure(
      [
        'YY区2021年帮扶工作要点',
        '为做好帮扶工作,制定本要点。',
        '一、总体要求',
        '坚持精准帮扶。',
        '二、重点任务',
        '(一)县域结对帮扶',
        '1. 加强组织领导。区领导到 YY 县调研不少于 2 次。',
        '2. 落实帮扶资金。帮扶资金不低于 1800 万元。',
        '(二)困难群众帮扶',
        '1. 做好动态管理。',
      ].join('\n'),
    );
    expect(title).toBe('YY区2021年帮扶工作要点');
    expect(sections.map((s) => [s.ref, s.level, s.title, s.clauses.map((c) => c.ref)])).toEqual([
      [null, 0, 'YY区2021年帮扶工作要点', ['¶1']],
      ['一', 1, '总体要求', ['一¶1']],
      ['二', 1, '重点任务', []],
      ['二(一)', 2, '县域结对帮扶', ['二(一)1', '二(一)2']],
      ['二(二)', 2, '困难群众帮扶', ['二(二)1']],
    ]);
    const item = sections[3]?.clauses[0];
    expect(item).toEqual({
      number: '1',
      ref: '二(一)1',
      title: '加强组织领导',
      text: '加强组织领导。区领导到 YY 县调研不少于 2 次。',
    });
  });

  it('accepts full-width numbering: （一）, １．, (1), ①', () => {
    const { sections } = parseStructure('一、任务\n（一）结对\n１．第一项。\n(2)第二项。\n③第三项。');
    expect(sections[1]?.ref).toBe('一(一)');
    expect(sections[1]?.clauses.map((c) => c.number)).toEqual(['1', '2', '3']);
  });

  it('splits a heading line that carries body text', () => {
    const { sections } = parseStructure('一、总体要求。坚持精准帮扶,巩固帮扶成果。');
    expect(sections[0]?.title).toBe('总体要求');
    expect(sections[0]?.clauses[0]?.text).toBe('坚持精准帮扶,巩固帮扶成果。');
  });

  it('joins lines wrapped mid-sentence (pasted from a PDF)', () => {
    const { sections } = parseStructure(
      '一、任务\n1. 落实资金。帮扶资金不低于\n1500 万元,并在 3 月底前\n拨付到位。\n2. 下一项。',
    );
    expect(sections[0]?.clauses.map((c) => c.text)).toEqual([
      '落实资金。帮扶资金不低于1500 万元,并在 3 月底前拨付到位。',
      '下一项。',
    ]);
  });

  it('appends a paragraph after a numbered item to that item', () => {
    const { sections } = parseStructure('一、任务\n1. 第一项。\n补充说明。');
    expect(sections[0]?.clauses).toHaveLength(1);
    expect(sections[0]?.clauses[0]?.text).toBe('第一项。\n补充说明。');
  });

  it('does not take a prose first line for a title', () => {
    const { title, sections } = parseStructure('全年帮扶资金不低于1500万元,3月底前拨付。');
    expect(title).toBeNull();
    expect(sections[0]?.clauses[0]?.text).toBe('全年帮扶资金不低于1500万元,3月底前拨付。');
  });

  it('does not read a year or decimal at line start as an item number', () => {
    const { sections } = parseStructure('一、任务\n2020 年是收官之年。\n1.5亿元资金到位。');
    expect(sections[0]?.clauses.map((c) => c.number)).toEqual([null, null]);
  });
});
