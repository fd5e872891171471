import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, launchBrowser, newPage, screenshot } from './browser';
import { loginThroughForm, openFromMenu } from './steps';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A phone of today's common width (the brief asks for ~390 px). */
const PHONE_390 = { width: 390, height: 844 };
const TOWN = '清水镇';

/** The flagged count of a town's watch-list row, read from its link's accessible name. */
async function flaggedOf(page: Page, town: string): Promise<number> {
  const link = page.getByRole('link', { name: new RegExp(`^${town}：预警 \\d+ 户$`) });
  await link.waitFor();
  const name = (await link.getAttribute('aria-label')) ?? '';
  return Number(/(\d+) 户$/.exec(name)?.[1] ?? NaN);
}

async function openMonitoring(page: Page): Promise<void> {
  await openFromMenu(page, '动态监测');
  await page.getByRole('heading', { name: '动态监测' }).waitFor();
}

/** Opens the edit drawer, sets the multiple, saves; resolves with the PUT answer's status. */
async function saveMultiple(page: Page, multiple: string): Promise<number> {
  await page.getByRole('button', { name: '修改参数' }).click();
  const drawer = page.getByRole('dialog', { name: '2020 年度监测参数' });
  await drawer.waitFor();
  await drawer.getByLabel('监测线倍数').fill(multiple);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/api/monitoring/year-configs/2020') && r.request().method() === 'PUT',
    ),
    drawer.getByRole('button', { name: '保存', exact: true }).click(),
  ]);
  if (response.status() === 200) await drawer.waitFor({ state: 'detached' });
  return response.status();
}

describe('dynamic monitoring', () => {
  it('the office raises the 2020 monitoring multiple, re-evaluates, and a town’s watch list grows', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'admin', DEMO_PASSWORD);
      await openMonitoring(page);
      // The latest configured year is shown first, its thresholds in words.
      await page.getByText('1.5 × 4,000 = 6,000 元/人·年').waitFor();
      const before = await flaggedOf(page, TOWN);
      expect(before).toBeGreaterThanOrEqual(0);
      await page.getByRole('table', { name: '深度困难群体' }).getByText('桃源镇').waitFor();
      await screenshot(page, 'monitoring-zh-desktop');

      // The form checks with the server's schema: a multiple below 1 is refused on its field, nothing is sent.
      await page.getByRole('button', { name: '修改参数' }).click();
      const drawer = page.getByRole('dialog', { name: '2020 年度监测参数' });
      const multiple = drawer.getByLabel('监测线倍数');
      await multiple.fill('0.5');
      let puts = 0;
      page.on('request', (r) => {
        if (r.method() === 'PUT' && r.url().includes('/year-configs/')) puts += 1;
      });
      await drawer.getByRole('button', { name: '保存', exact: true }).click();
      await drawer.getByText('不能小于 1').waitFor();
      expect(puts).toBe(0);
      await multiple.fill('2');
      await expect.poll(() => drawer.getByText('不能小于 1').count(), { timeout: 15_000 }).toBe(0);
      await drawer.getByText('2 × 4,000 = 8,000 元/人·年').waitFor();
      await screenshot(page, 'monitoring-edit-desktop');
      await drawer.getByRole('button', { name: '取消' }).click();
      await drawer.waitFor({ state: 'detached' });

      // Save 2 × 4,000 = 8,000: the server re-evaluates the year at once; the page offers a re-evaluation.
      expect(await saveMultiple(page, '2')).toBe(200);
      await page.getByText('2 × 4,000 = 8,000 元/人·年').waitFor();
      await page.getByText(/参数已保存/).waitFor();
      await page.getByRole('button', { name: '重新评估' }).first().click();
      const [rerun] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/households/re-evaluate')),
        page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click(),
      ]);
      expect(rerun.status()).toBe(200);
      const result = (await rerun.json()) as { evaluated: number; flagged: number };
      await page
        .getByRole('status')
        .getByText(`已重新评估 ${result.evaluated} 户，${result.flagged} 户触发预警`, { exact: false })
        .waitFor();
      await expect.poll(() => flaggedOf(page, TOWN), { timeout: 20_000 }).toBeGreaterThan(before);
      await page.getByRole('table', { name: '监测预警清单' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'monitoring-zh-desktop-watch');
      await page.getByRole('table', { name: '深度困难群体' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'monitoring-zh-desktop-deep');

      // The count links to the household list filtered to the town's flagged households of 2020.
      await page.getByRole('link', { name: new RegExp(`^${TOWN}：预警`) }).click();
      await page.waitForURL(/\/households\?year=2020&flagged=true&regionCode=349901100000$/);

      // English.
      await page.goto('/monitoring?year=2020');
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { name: 'Dynamic monitoring' }).waitFor();
      await page.getByText('2 × 4,000 = 8,000 yuan per person per year').waitFor();
      await screenshot(page, 'monitoring-en-desktop');
      await page.getByRole('button', { name: '切换到中文' }).click();
      await page.getByRole('heading', { name: '动态监测' }).waitFor();

      // Put the demo year back for the other journeys.
      expect(await saveMultiple(page, '1.5')).toBe(200);
      await page.getByText('1.5 × 4,000 = 6,000 元/人·年').waitFor();
    } finally {
      await context.close();
    }
  });

  it('a town clerk reads only their town, a village cadre only their village, neither edits; the page fits a phone', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'town', DEMO_PASSWORD);
      await openMonitoring(page);
      await flaggedOf(page, TOWN);
      const rows = page.getByRole('table', { name: '监测预警清单' }).locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
      expect(await rows.first().textContent()).toContain(TOWN);
      expect(await page.getByText('桃源镇').count()).toBe(0);
      expect(await page.getByRole('button', { name: '修改参数' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '重新评估' }).count()).toBe(0);
      await page.getByText('年度参数由区帮扶办设置').waitFor();
    } finally {
      await context.close();
    }

    // A village cadre: one row, named after the village, its links narrowed to the village.
    const village = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(village.page, 'village', DEMO_PASSWORD);
      const me = await village.page.evaluate(async () => {
        const res = await fetch('/api/me', { credentials: 'same-origin' });
        return (await res.json()) as { regionCode: string; regionName: string };
      });
      await openMonitoring(village.page);
      await flaggedOf(village.page, me.regionName);
      const rows = village.page
        .getByRole('table', { name: '监测预警清单' })
        .locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
      const href = await village.page
        .getByRole('link', { name: new RegExp(`^${me.regionName}：预警`) })
        .getAttribute('href');
      expect(href).toContain(`regionCode=${me.regionCode}`);
      expect(await village.page.getByRole('button', { name: '修改参数' }).count()).toBe(0);
    } finally {
      await village.context.close();
    }

    const phone = await newPage(browser, PHONE_390);
    try {
      await loginThroughForm(phone.page, 'town', DEMO_PASSWORD);
      await openMonitoring(phone.page);
      await phone.page.getByText('1.5 × 4,000 = 6,000 元/人·年').waitFor();
      await phone.page.getByRole('list', { name: '监测预警清单' }).getByRole('listitem').first().waitFor();
      await phone.page.getByRole('list', { name: '深度困难群体' }).getByRole('listitem').first().waitFor();
      await screenshot(phone.page, 'monitoring-zh-phone');
      await phone.page.getByRole('list', { name: '监测预警清单' }).scrollIntoViewIfNeeded();
      await screenshot(phone.page, 'monitoring-zh-phone-watch');
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'no horizontal scrolling at 390 px').toBeLessThanOrEqual(PHONE_390.width);
    } finally {
      await phone.context.close();
    }
  });
});
