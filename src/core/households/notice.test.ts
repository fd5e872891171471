import { describe, expect, it } from 'vitest';
import { buildNotice, noticeText } from './notice';

describe('public notice', () => {
  it('shows name, village and proposal with the notice period', () => {
    const text = noticeText(
      buildNotice({
        townName: '甲镇',
        villageName: '甲一村',
        year: 2020,
        entries: [{ headName: '王建国', villageName: '甲一村', proposal: '拟纳入：边缘易致贫户' }],
        startDate: '2020-06-05',
        endDate: '2020-06-10',
        days: 5,
      }),
    );
    expect(text).toContain('甲一村2020年防止返贫监测对象动态调整公示');
    expect(text).toContain('1\t王建国\t甲一村\t拟纳入：边缘易致贫户');
    expect(text).toContain('公示期 5 天（2020年6月5日至2020年6月10日）');
    expect(text).not.toMatch(/\d{15,}/);
  });
});
