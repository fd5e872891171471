import { describe, expect, it } from 'vitest';
import { deadlineDueDates, findDeadlines, resolveDeadline } from './deadline';
import { DeadlineSchema, type Deadline } from './plan.schemas';

const only = (text: string): Deadline => {
  const found = findDeadlines(text);
  expect(found, text).toHaveLength(1);
  const [match] = found;
  if (match === undefined) throw new Error(text);
  return DeadlineSchema.parse(match.deadline);
};

describe('findDeadlines', () => {
  it.each<[string, Deadline]>([
    ['并在3月底前拨付到位', { kind: 'date', year: null, month: 3, day: null, label: '3月底前' }],
    ['2020年3月底前', { kind: 'date', year: 2020, month: 3, day: null, label: '2020年3月底前' }],
    ['6月30日前完成', { kind: 'date', year: null, month: 6, day: 30, label: '6月30日前' }],
    ['十月底完成', { kind: 'date', year: null, month: 10, day: null, label: '十月底' }],
    ['5月中旬前', { kind: 'date', year: null, month: 5, day: 20, label: '5月中旬前' }],
    ['第一季度末前', { kind: 'quarter', quarter: 1, label: '第一季度末前' }],
    ['上半年完成', { kind: 'half-year', half: 1, label: '上半年' }],
    ['下半年内', { kind: 'half-year', half: 2, label: '下半年内' }],
    ['年底前建成', { kind: 'year-end', label: '年底前' }],
    ['年内完成', { kind: 'year-end', label: '年内' }],
    ['分上、下半年2次', { kind: 'each-half-year', count: 2, scope: 'year-total', label: '分上、下半年' }],
    ['上、下半年各1次', { kind: 'each-half-year', count: 2, scope: 'each-period', label: '上、下半年各' }],
    ['每季度开展1次', { kind: 'each-quarter', count: 4, scope: 'each-period', label: '每季度' }],
    ['每月通报', { kind: 'each-month', count: 12, scope: 'each-period', label: '每月' }],
  ])('%s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it('ignores plain dates and years, which are not deadlines', () => {
    expect(findDeadlines('2020年11月7日印发')).toEqual([]);
    expect(findDeadlines('2020年是收官之年')).toEqual([]);
    expect(findDeadlines('13月底前')).toEqual([]);
  });

  it('reports positions in text order', () => {
    const found = findDeadlines('上半年完成2次,年底前完成5次');
    expect(found.map((f) => [f.start, f.end, f.deadline.kind])).toEqual([
      [0, 3, 'half-year'],
      [8, 11, 'year-end'],
    ]);
  });
});

describe('resolveDeadline', () => {
  it('end of March of the plan year (R3)', () => {
    expect(resolveDeadline(only('3月底前'), 2020)).toBe('2020-03-31');
    expect(resolveDeadline(only('2月底前'), 2020)).toBe('2020-02-29');
    expect(resolveDeadline(only('2月底前'), 2021)).toBe('2021-02-28');
  });

  it('a year written in the text wins over the plan year', () => {
    expect(resolveDeadline(only('2019年12月底前'), 2020)).toBe('2019-12-31');
  });

  it('day, quarter, half-year, year end', () => {
    expect(resolveDeadline(only('6月30日前'), 2020)).toBe('2020-06-30');
    expect(resolveDeadline(only('二季度末'), 2020)).toBe('2020-06-30');
    expect(resolveDeadline(only('上半年'), 2020)).toBe('2020-06-30');
    expect(resolveDeadline(only('下半年'), 2020)).toBe('2020-12-31');
    expect(resolveDeadline(only('年底前'), 2020)).toBe('2020-12-31');
  });

  it('periodic deadlines: one due date per period', () => {
    expect(deadlineDueDates(only('分上、下半年'), 2020)).toEqual(['2020-06-30', '2020-12-31']);
    expect(deadlineDueDates(only('每季度'), 2021)).toEqual([
      '2021-03-31',
      '2021-06-30',
      '2021-09-30',
      '2021-12-31',
    ]);
    expect(deadlineDueDates(only('每月'), 2020)).toHaveLength(12);
    expect(resolveDeadline(only('每月'), 2020)).toBe('2020-12-31');
  });
});
