import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/demo/demo-data';
import { loadDemo } from '../src/server/demo/demo';
import { DEMO_PROGRESS_DATE } from '../src/server/domains/progress/progress.demo';
import { createTestApp, login, type TestContext } from './helpers/test-app';

let t: TestContext;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

type Item = {
  name: string;
  status: string;
  value: number | null;
  groupsDone: number | null;
  groupsTotal: number | null;
};

describe('demo year 2020', { timeout: 120_000 }, () => {
  it('loads the source plan through the extractor and shows done, at-risk and one overdue indicator', async () => {
    await loadDemo(t.deps);
    const admin = await login(t.app, 'admin', DEMO_PASSWORD);
    const plans = (await admin.request({ method: 'GET', url: '/api/plans' })).json().items;
    expect(plans).toEqual([expect.objectContaining({ year: 2020, indicatorCount: 12 })]);
    const res = await admin.request({
      method: 'GET',
      url: `/api/progress?plan=${plans[0].id}&asOf=${DEMO_PROGRESS_DATE}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items: Item[] = res.json().items;
    const status = Object.fromEntries(items.map((i) => [i.name, i.status]));
    expect(status).toMatchObject({
      区主要负责同志到XX县调研次数: 'at_risk',
      '镇(街)主要负责同志到被帮扶乡(镇)、村联系次数': 'at_risk',
      帮扶资金: 'done',
      资金拨付使用率: 'on_track',
      特色产业基地数: 'done',
      产业合作组织和龙头企业数: 'done',
      转移就业贫困人口: 'done',
      就地就近就业贫困人口: 'at_risk',
      创业致富带头人培训次数: 'done',
      集中采购次数: 'overdue',
      年捐助金额: 'done',
      成员单位理论学习次数: 'at_risk',
    });
    expect(items.filter((i) => i.status === 'overdue')).toHaveLength(1);
    const byName = Object.fromEntries(items.map((i) => [i.name, i]));
    // Four placement records name three people: counted once each.
    expect(byName['转移就业贫困人口']!.value).toBe(3);
    expect(byName['镇(街)主要负责同志到被帮扶乡(镇)、村联系次数']).toMatchObject({
      groupsDone: 6,
      groupsTotal: 8,
    });

    const yearEnd: Item[] = (
      await admin.request({ method: 'GET', url: `/api/progress?plan=${plans[0].id}&asOf=2020-12-31` })
    ).json().items;
    const endStatus = Object.fromEntries(yearEnd.map((i) => [i.name, i.status]));
    expect(endStatus).toMatchObject({
      区主要负责同志到XX县调研次数: 'done',
      '镇(街)主要负责同志到被帮扶乡(镇)、村联系次数': 'done',
      就地就近就业贫困人口: 'done',
      集中采购次数: 'overdue',
      成员单位理论学习次数: 'done',
    });
    // The demo unit account (人社局) sees only its own records behind a figure.
    const unit = await login(t.app, 'unit', DEMO_PASSWORD);
    const local = items.find((i) => i.name === '就地就近就业贫困人口') as unknown as { indicatorId: number };
    const own = (
      await unit.request({ method: 'GET', url: `/api/progress/${local.indicatorId}/records?limit=200` })
    ).json();
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set(own.items.map((r: { unitName: string }) => r.unitName))).toEqual(
      new Set(['区人力资源和社会保障局']),
    );
  });
});
