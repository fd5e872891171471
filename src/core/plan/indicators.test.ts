import { describe, expect, it } from 'vitest';
import { extractIndicators } from './indicators';
import { ExtractedIndicatorSchema, type ExtractedIndicator } from './plan.schemas';

const one = (text: string, year: number | null = 2020): ExtractedIndicator => {
  const found = extractIndicators(text, { year });
  expect(found, text).toHaveLength(1);
  const [indicator] = found;
  if (indicator === undefined) throw new Error(`no indicator in ${text}`);
  ExtractedIndicatorSchema.parse(indicator);
  return indicator;
};
const quantity = (i: ExtractedIndicator) => [i.comparison, i.value, i.valueMax, i.unit];

describe('comparisons', () => {
  it.each([
    ['不少于', '区领导到XX县调研不少于2次。', ['gte', 2, null, '次']],
    ['不低于', '年培训贫困劳动力不低于200人次。', ['gte', 200, null, '人次']],
    ['N名以上', '转移3名以上贫困人口就业。', ['gte', 3, null, '人']],
    ['N家以上', '全年引进企业5家以上。', ['gte', 5, null, '家']],
    ['至少 (adjacent)', '组织培训至少3次。', ['gte', 3, null, '次']],
    ['至少 + verb', '至少举办3场招聘会。', ['gte', 3, null, '场']],
    ['不超过', '行政成本不超过10万元。', ['lte', 10, null, '万元']],
    ['控制在…以内', '贫困发生率控制在1%以内。', ['lte', 1, null, '%']],
    ['N-M', '组织2-3次创业致富带头人培训。', ['range', 2, 3, '次']],
    ['N–M (en dash)', '培育1–2个龙头企业。', ['range', 1, 2, '个']],
    ['N至M', '组织3至5次技能培训。', ['range', 3, 5, '次']],
    ['两到三', '组织两到三次培训。', ['range', 2, 3, '次']],
    ['bare number', '确保资金拨付使用率100%。', ['eq', 100, null, '%']],
    ['百分之', '生活垃圾处理率达到百分之九十以上。', ['gte', 90, null, '%']],
  ])('%s', (_label, text, expected) => {
    expect(quantity(one(text))).toEqual(expected);
  });
});

describe('numbers and units', () => {
  it('reads Chinese numerals: 两次, 二十名', () => {
    expect(quantity(one('区领导到XX县调研两次。'))).toEqual(['eq', 2, null, '次']);
    expect(quantity(one('支持二十名以上贫困人口就业。'))).toEqual(['gte', 20, null, '人']);
  });

  it('keeps money in the stated unit and adds yuan: 一千五百万元, 1500 万元, 1.5亿元, 1,500元', () => {
    const cn = one('全年帮扶资金不低于一千五百万元。');
    expect([cn.value, cn.unit, cn.valueYuan]).toEqual([1500, '万元', 15_000_000]);
    const digits = one('帮扶资金不低于 1500 万元。');
    expect([digits.value, digits.unit, digits.valueYuan]).toEqual([1500, '万元', 15_000_000]);
    const yi = one('投入帮扶资金1.5亿元。');
    expect([yi.value, yi.unit, yi.valueYuan]).toEqual([1.5, '亿元', 150_000_000]);
    const yuan = one('捐赠物资折价1,500元。');
    expect([yuan.value, yuan.unit, yuan.valueYuan]).toEqual([1500, '元', 1500]);
    expect(one('人均纯收入不低于6000元。').valueYuan).toBe(6000);
  });

  it('converts money ranges to yuan at both ends', () => {
    const range = one('帮扶资金1500万-2000万元。');
    expect([range.comparison, range.valueYuan, range.valueMaxYuan]).toEqual([
      'range',
      15_000_000,
      20_000_000,
    ]);
  });

  it('rounds yuan to fen', () => {
    expect(one('投入资金1.15万元。').valueYuan).toBe(11_500);
  });

  it('gives no yuan for other units', () => {
    const people = one('支持20名以上贫困人口就地就近就业。');
    expect([people.valueYuan, people.valueMaxYuan]).toEqual([null, null]);
  });

  it('reads full-width digits and stray spaces: ２０名, "不少于 2 次", "XX 县"', () => {
    const fw = one('吸纳２０名以上贫困人口就业。');
    expect(quantity(fw)).toEqual(['gte', 20, null, '人']);
    expect(fw.quantityText).toBe('２０名以上');
    const spaced = one('区领导到 XX 县调研不少于 2 次。');
    expect(quantity(spaced)).toEqual(['gte', 2, null, '次']);
    expect(spaced.name).toBe('区领导到XX县调研次数');
    expect(spaced.sourceText).toBe('区领导到 XX 县调研不少于 2 次');
  });

  it('normalises 名 and 位 to 人', () => {
    expect(one('选派3位专家。').unit).toBe('人');
    expect(one('选派3名专家。').unit).toBe('人');
  });

  it('multiplies 万 for non-money units: 1.5万个', () => {
    expect(quantity(one('新增就业岗位1.5万个。'))).toEqual(['eq', 15_000, null, '个']);
  });
});

describe('deadlines', () => {
  it('3月底前 from a following fragment of the sentence (R3)', () => {
    expect(one('2020 年帮扶资金不低于 1500 万元,并在 3 月底前拨付到位。').deadline).toEqual({
      kind: 'date',
      year: null,
      month: 3,
      day: null,
      label: '3月底前',
    });
  });

  it('上半年', () => {
    expect(one('上半年完成培训不少于2期。').deadline).toEqual({
      kind: 'half-year',
      half: 1,
      label: '上半年',
    });
  });

  it('年底前', () => {
    expect(one('年底前建成不少于3个扶贫车间。').deadline).toEqual({ kind: 'year-end', label: '年底前' });
  });

  it('分上、下半年N次 is a year total over both halves (R7)', () => {
    expect(one('并分上、下半年 2 次,组织人员到 XX 县进行集中采购。').deadline).toEqual({
      kind: 'each-half-year',
      count: 2,
      scope: 'year-total',
      label: '分上、下半年',
    });
  });

  it('上、下半年各N次 is due in each half', () => {
    const each = one('上、下半年各组织1次集中采购。');
    expect(each.deadline).toMatchObject({ kind: 'each-half-year', scope: 'each-period' });
    expect([each.value, each.group]).toEqual([1, null]);
  });

  it('a deadline in a fragment with its own target is not borrowed', () => {
    const [first, second] = extractIndicators('上半年组织培训不少于2次,全年培训不少于5次。');
    expect(first?.deadline).toMatchObject({ kind: 'half-year', half: 1 });
    expect(second?.deadline).toBeNull();
  });

  it('no deadline when none is stated', () => {
    expect(one('年捐助金额不低于40万元。').deadline).toBeNull();
  });
});

describe('per', () => {
  it('镇(街)… → each town (R1)', () => {
    expect(one('镇(街)党(工)委、政府(办事处)主要负责同志到被帮扶乡(镇)、村联系不少于 1 次。').per).toBe(
      'town',
    );
    expect(one('各镇(街)走访困难群众不少于50户。').per).toBe('town');
  });

  it('各成员单位… → each member unit', () => {
    expect(one('各成员单位每年到XX县调研不少于1次。').per).toBe('unit');
  });

  it('人均 / 户均', () => {
    expect(one('人均纯收入不低于6000元。').per).toBe('person');
    expect(one('户均增收不低于2000元。').per).toBe('household');
  });

  it('district-wide by default', () => {
    expect(one('区委、区政府主要负责同志到 XX 县调研不少于 2 次。').per).toBeNull();
  });
});

describe('各N over several groups', () => {
  it('gives one indicator per group', () => {
    const found = extractIndicators('在教育、卫生领域提供人才支持,选派教育、卫生人才各2名。');
    expect(found.map((i) => [i.name, i.group, i.comparison, i.value, i.unit])).toEqual([
      ['选派教育人才', '教育', 'eq', 2, '人'],
      ['选派卫生人才', '卫生', 'eq', 2, '人'],
    ]);
    expect(new Set(found.map((i) => i.quantityText))).toEqual(new Set(['2名']));
  });

  it('handles three groups and a leading place', () => {
    const found = extractIndicators('向XX县选派教育、卫生、农技人才各不少于2名。');
    expect(found.map((i) => [i.name, i.comparison])).toEqual([
      ['选派教育人才', 'gte'],
      ['选派卫生人才', 'gte'],
      ['选派农技人才', 'gte'],
    ]);
  });
});

describe('not targets', () => {
  it.each([
    ['已完成 (achievement)', '今年以来已完成投资800万元。'],
    ['已… (achievement)', '已转移贫困人口就业50名。'],
    ['截至目前', '截至目前,累计投入帮扶资金1200万元。'],
    ['earlier year', '2019年投入帮扶资金1200万元。'],
    ['years', '2020 年是全面打赢脱贫攻坚战的收官之年,制定 2020 年工作要点。'],
    ['dates', '2020年11月7日印发,自3月1日起施行。'],
    ['numbered slogans', '坚持“一达标两不愁三保障”标准,采取“四不两直”方式,健全三级网络,推进三大革命。'],
    ['articles', '建立“一项目一卷宗”工作档案,给予一次性补助,做到一户一策。'],
    ['slogans with 个', '增强“四个意识”,做到两个维护。'],
    ['ages and durations', '6-15岁儿童不失学辍学,停水不超过36天。'],
    ['ordinals', '第2次督查发现问题。'],
  ])('%s', (_label, text) => {
    expect(extractIndicators(text, { year: 2020 })).toEqual([]);
  });

  it('已脱贫 is a household category, not past tense', () => {
    expect(one('帮扶已脱贫户不少于20户。').value).toBe(20);
  });

  it('a target next to an achievement is still found', () => {
    const found = extractIndicators('2019年已投入资金1200万元,2020年帮扶资金不低于1500万元。', {
      year: 2020,
    });
    expect(found.map((i) => [i.name, i.value])).toEqual([['帮扶资金', 1500]]);
  });
});
