import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, newPage, screenshot } from './browser';
import { fetchRegions, loginThroughForm, logout, openFromMenu, pickOption, pickTreeNode } from './steps';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The demo 2020 plan shows every status on this day (the server's DEMO_PROGRESS_DATE). */
const DEMO_DATE = '2020-09-30';
const LOCAL_EMPLOYMENT = '就地就近就业贫困人口';
const PLAN_TEXT = fs.readFileSync('src/core/plan/fixtures/work-plan-2020.zh.txt', 'utf8');

/** A valid synthetic ID number (GB 11643 check character) from the fictional paired county 349921. */
function syntheticId(birth: string, sequence: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const first17 = `349921${birth}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** Fills an antd date picker by typing (its input is what the label names). */
async function fillDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The local-employment card's figure and % achieved, as the dashboard shows them. */
async function readIndicator(
  page: Page,
  name: string,
): Promise<{ value: number; percent: number; target: number }> {
  const card = page.getByRole('group', { name, exact: true });
  await card.waitFor();
  const value = await card.getByTestId('indicator-value').innerText();
  const percent = await card.getByTestId('indicator-percent').innerText();
  const target = /目标\s*≥\s*([\d,.]+)/.exec(await card.innerText())?.[1];
  return {
    value: Number(value.replace(/[^\d.]/g, '')),
    percent: Number(percent.replace(/[^\d.]/g, '')),
    target: Number(target?.replace(/,/g, '')),
  };
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`/?asOf=${DEMO_DATE}`);
  await page.getByRole('heading', { name: /^您好/ }).waitFor();
  await page.getByRole('group', { name: LOCAL_EMPLOYMENT, exact: true }).waitFor();
  // Let the trend chart (its own chunk) draw before a screenshot.
  await page.getByRole('img', { name: '月度趋势' }).waitFor();
}

interface Placement {
  name: string;
  idNumber: string;
  village: string;
}

/** Opens 新增记录 and fills a local employment placement (本地就近就业); returns the drawer. */
async function fillPlacement(page: Page, p: Placement): Promise<Locator> {
  await page.getByRole('button', { name: /新增记录$/ }).click();
  const drawer = page.getByRole('dialog', { name: '新增记录' });
  await drawer.waitFor();
  await pickOption(page, drawer.getByLabel('记录类型'), '劳务协作就业');
  await fillDate(drawer.getByLabel('日期', { exact: true }), '2020-09-15');
  await pickTreeNode(page, drawer.getByRole('combobox', { name: /地点$/ }), drawer, p.village);
  await drawer.getByLabel('姓名', { exact: true }).fill(p.name);
  await drawer.getByLabel('身份证号').fill(p.idNumber);
  await pickOption(page, drawer.getByLabel('就业方式'), '本地就近就业');
  await drawer.getByLabel('就业单位').fill('结对县产业园项目（e2e）');
  await fillDate(drawer.getByLabel('上岗日期'), '2020-09-15');
  await drawer.getByLabel('月工资（元）').fill('2800');
  return drawer;
}

async function saveDrawer(page: Page, drawer: Locator): Promise<void> {
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/activities') && r.request().method() === 'POST'),
    drawer.getByRole('button', { name: '保存', exact: true }).click(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  await drawer.waitFor({ state: 'hidden' });
}

describe('plan journey', () => {
  it('a unit records two local employment placements and the dashboard’s local-employment figure and % move', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'unit', DEMO_PASSWORD);
      await openDashboard(page);
      const before = await readIndicator(page, LOCAL_EMPLOYMENT);
      expect(before.target).toBeGreaterThan(0);

      const paired = await fetchRegions(page, 'paired');
      const villages = paired.filter((r) => r.level === 'village');
      const seq = (Date.now() % 400) * 2 + 1;
      const people: Placement[] = [
        { name: '测甲', idNumber: syntheticId('19900315', seq), village: villages[0]!.name },
        { name: '测乙', idNumber: syntheticId('19880612', seq + 2), village: villages[1]!.name },
      ];

      await openFromMenu(page, '活动台账');
      await page.getByRole('heading', { name: '活动台账' }).waitFor();
      for (const person of people) {
        const drawer = await fillPlacement(page, person);
        await saveDrawer(page, drawer);
        await page.getByText('记录已保存').first().waitFor();
      }
      // The list shows both, ID numbers only masked.
      for (const person of people) {
        const masked = `${person.idNumber.slice(0, 4)}${'*'.repeat(10)}${person.idNumber.slice(-4)}`;
        await page.getByText(masked).first().waitFor();
        expect(await page.getByText(person.idNumber).count()).toBe(0);
      }

      await openDashboard(page);
      await expect
        .poll(async () => (await readIndicator(page, LOCAL_EMPLOYMENT)).value)
        .toBe(before.value + 2);
      const after = await readIndicator(page, LOCAL_EMPLOYMENT);
      const expected = Math.round(((before.value + 2) / before.target) * 1000) / 10;
      expect(after.percent).toBe(expected);
      expect(after.percent).toBeGreaterThan(before.percent);
      console.log(
        `${LOCAL_EMPLOYMENT} at ${DEMO_DATE}: ${before.value} (${before.percent}%) → ${after.value} (${after.percent}%)`,
      );

      // R13: the unit has records dated in September, so the month's reporting card lists it.
      await page
        .getByRole('list', { name: '本月已填报的单位' })
        .getByRole('listitem')
        .filter({ hasText: '区人力资源和社会保障局' })
        .waitFor();

      // The figure opens the records behind it: the unit sees its own, the two new ones among them.
      await page
        .getByRole('group', { name: LOCAL_EMPLOYMENT, exact: true })
        .getByTestId('indicator-value')
        .click();
      const records = page.getByRole('dialog', { name: new RegExp(`^${LOCAL_EMPLOYMENT}：依据记录`) });
      await records.waitFor();
      await records.getByText('测甲').first().waitFor();
      await records.getByText('测乙').first().waitFor();
      await screenshot(page, 'dashboard-records-desktop');
    } finally {
      await context.close();
    }
  });

  it('renders the dashboard, records list, record drawer and plan extraction at desktop and phone width (screenshots)', async () => {
    for (const [suffix, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      try {
        await loginThroughForm(page, 'unit', DEMO_PASSWORD);
        await openDashboard(page);
        await screenshot(page, `dashboard-${suffix}`);

        await openFromMenu(page, '活动台账');
        await page.getByRole('heading', { name: '活动台账' }).waitFor();
        await page.getByText('劳务协作就业').first().waitFor();
        await screenshot(page, `records-${suffix}`);

        const paired = (await fetchRegions(page, 'paired')).filter((r) => r.level === 'village');
        await fillPlacement(page, {
          name: '演示',
          idNumber: syntheticId('19950101', 11),
          village: paired[2]!.name,
        });
        // Show the drawer from its top: the type, date, place and person fields.
        await page
          .getByRole('dialog', { name: '新增记录' })
          .locator('.ant-drawer-body')
          .evaluate((body) => body.scrollTo(0, 0));
        await screenshot(page, `record-drawer-${suffix}`);
        // Wait for the drawer to be gone before the header's user menu is used (on a phone it covers the
        // whole page). On a loaded CI machine logout once waited 20 s for that menu's button; a click on
        // 取消 while the drawer is still settling may go nowhere, so click again while it is shown.
        const drawer = page.getByRole('dialog', { name: '新增记录' });
        for (let attempt = 1; await drawer.isVisible(); attempt++) {
          await drawer.getByRole('button', { name: '取消', exact: true }).click();
          await drawer.waitFor({ state: 'hidden', timeout: 5_000 }).catch((error: unknown) => {
            if (attempt === 3) throw error;
          });
        }

        await logout(page, '人社局联络员');
        await loginThroughForm(page, 'admin', DEMO_PASSWORD);
        await openFromMenu(page, '年度工作要点');
        await page.getByRole('heading', { name: '年度工作要点' }).waitFor();
        await page.getByRole('button', { name: /从文本提取$/ }).click();
        await page.getByRole('heading', { name: '从文本提取工作要点' }).waitFor();
        await page.getByLabel('工作要点原文').fill(PLAN_TEXT);
        await page.getByRole('button', { name: /识别$/ }).click();
        await expect.poll(() => page.getByTestId('draft-counts').innerText()).toMatch(/11 项量化目标/);
        // Show the draft: its counts, then the extracted targets.
        await page.getByTestId('draft-counts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, `plan-extract-${suffix}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
