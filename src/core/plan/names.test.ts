import { describe, expect, it } from 'vitest';
import { extractIndicators } from './indicators';
import { cleanPhrase, compressLeadership } from './names';

const names = (text: string): string[] => extractIndicators(text).map((i) => i.name);

describe('indicator names', () => {
  it('object before the comparator: the subject/predicate, minus years and modal words', () => {
    expect(names('2020 年帮扶资金不低于 1500 万元。')).toEqual(['帮扶资金']);
    expect(names('确保资金拨付使用率 100%。')).toEqual(['资金拨付使用率']);
    expect(names('为XX县贫困家庭及学生捐款,年捐助金额不低于 40 万元。')).toEqual(['年捐助金额']);
    expect(names('贫困发生率控制在1%以内。')).toEqual(['贫困发生率']);
  });

  it('adds a suffix from the measure word: 次 → 次数, 个/家 → 数, 场 → 场次', () => {
    expect(names('区领导到XX县调研不少于2次。')).toEqual(['区领导到XX县调研次数']);
    expect(names('引进企业不少于5家。')).toEqual(['引进企业数']);
    expect(names('举办招聘会不少于3场。')).toEqual(['招聘会场次']);
    expect(names('培训贫困劳动力不少于200人次。')).toEqual(['培训贫困劳动力人次']);
  });

  it('people nouns need no 人数 suffix; other subjects get it', () => {
    expect(names('转移就业贫困人口不少于3人。')).toEqual(['转移就业贫困人口']);
    expect(names('参训不少于50人。')).toEqual(['参训人数']);
  });

  it('compresses the leadership pair (R1)', () => {
    expect(names('区委、区政府主要负责同志到 XX 县调研不少于 2 次。')).toEqual([
      '区主要负责同志到XX县调研次数',
    ]);
    expect(names('镇(街)党(工)委、政府(办事处)主要负责同志到被帮扶乡(镇)、村联系不少于 1 次。')).toEqual([
      '镇(街)主要负责同志到被帮扶乡(镇)、村联系次数',
    ]);
    expect(compressLeadership('市委、市政府负责同志')).toBe('市负责同志');
  });

  it('object after the number: the object, with a count suffix', () => {
    expect(names('支持 XX 县建设不少于 5 个特色产业基地,带动当地贫困人口就业增收。')).toEqual([
      '特色产业基地数',
    ]);
    expect(names('帮助 XX 县培育 1-2 个产业合作组织和龙头企业。')).toEqual(['产业合作组织和龙头企业数']);
    expect(names('组织 2-3 次创业致富带头人培训。')).toEqual(['创业致富带头人培训次数']);
    expect(names('年底前建成不少于3个扶贫车间。')).toEqual(['扶贫车间数']);
  });

  it('people after the number: specific verb + purpose + people, place dropped (R6)', () => {
    expect(names('转移 3 名以上 XX 县贫困人口来我区就业。')).toEqual(['转移就业贫困人口']);
    expect(names('依托我区产业项目,支持 20 名以上贫困人口就地就近就业。')).toEqual(['就地就近就业贫困人口']);
    expect(names('资助贫困学生不少于100名。')).toEqual(['资助贫困学生']);
    expect(names('培训50名村干部。')).toEqual(['培训村干部']);
  });

  it('takes the activity from the next fragment when the number stands alone (R7)', () => {
    expect(names('并分上、下半年 2 次,组织人员到 XX 县进行集中采购,扩大消费扶贫影响力。')).toEqual([
      '集中采购次数',
    ]);
  });

  it('drops general verbs but keeps specific ones', () => {
    expect(names('组织培训不少于3次。')).toEqual(['培训次数']);
    expect(names('投入帮扶资金1.5亿元。')).toEqual(['投入帮扶资金']);
  });

  it('does not depend on one document: another year, same phrasing, same rules', () => {
    expect(names('2021年帮扶资金不低于1800万元,并在4月底前拨付到位。')).toEqual(['帮扶资金']);
    expect(names('支持YY县建设不少于8个特色产业基地。')).toEqual(['特色产业基地数']);
    expect(names('转移10名以上YY县脱贫人口来我区务工。')).toEqual(['转移务工脱贫人口']);
  });

  it('cleanPhrase removes years, connectives and trailing particles', () => {
    expect(cleanPhrase('并且2020年度全年帮扶资金为')).toBe('帮扶资金');
  });
});
