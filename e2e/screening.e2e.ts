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

/** A village cadre's phone. */
const PHONE_390 = { width: 390, height: 844 };

interface Campaign {
  id: number;
  name: string;
  status: string;
}
interface Progress {
  towns: { households: number; screened: number; atRisk: number }[];
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return (await res.json()) as T;
  }, path);
}

async function totals(page: Page, id: number) {
  const p = await apiGet<Progress>(page, `/api/screening/campaigns/${id}/progress`);
  return p.towns.reduce(
    (a, t) => ({
      households: a.households + t.households,
      screened: a.screened + t.screened,
      atRisk: a.atRisk + t.atRisk,
    }),
    { households: 0, screened: 0, atRisk: 0 },
  );
}

async function noHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `no horizontal scrolling at ${width} px`).toBeLessThanOrEqual(width);
}

/** Waits until antd's toasts have gone, so they do not cover the screenshot. */
async function quiet(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
}

describe('epidemic screening on a phone (R9)', () => {
  let campaign: Campaign;

  it('the office opens a campaign when none is open (the demo usually has one)', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'admin', DEMO_PASSWORD);
      const open = (await apiGet<{ items: Campaign[] }>(page, '/api/screening/campaigns')).items.filter(
        (c) => c.status === 'open',
      );
      if (open.length) {
        campaign = open.at(-1)!;
        return;
      }
      await openFromMenu(page, '疫情影响排查');
      await page.getByRole('heading', { name: '疫情影响排查' }).waitFor();
      await page.getByRole('button', { name: /发起排查/ }).click();
      const dialog = page.getByRole('dialog', { name: '发起排查' });
      await dialog.getByLabel('排查名称').fill('端到端测试疫情影响排查');
      const [created] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/api/screening/campaigns') && r.request().method() === 'POST',
        ),
        dialog.getByRole('button', { name: /保\s*存/ }).click(),
      ]);
      expect(created.status()).toBe(201);
      campaign = (await created.json()) as Campaign;
      await page.waitForURL(new RegExp(`/screening/${campaign.id}$`));
    } finally {
      await context.close();
    }
  });

  it('a village cadre screens a household with a severe medical difficulty: at risk with the reason, progress +1', async () => {
    const { context, page } = await newPage(browser, PHONE_390);
    try {
      await loginThroughForm(page, 'village', DEMO_PASSWORD);
      await openFromMenu(page, '疫情影响排查');
      await page.getByRole('heading', { name: '疫情影响排查' }).waitFor();
      const list = page.getByRole('list', { name: '疫情影响排查' });
      await list.getByRole('listitem').first().waitFor();
      await noHorizontalScroll(page, PHONE_390.width);
      await screenshot(page, 'screening-campaigns-phone');

      const before = await totals(page, campaign.id);
      expect(before.households, 'the village has households in the campaign').toBeGreaterThan(
        before.screened,
      );
      await list.getByRole('link', { name: campaign.name }).first().click();
      await page.waitForURL(new RegExp(`/screening/${campaign.id}(\\?.*)?$`));
      await page.getByText(`已排查 ${before.screened} / ${before.households} 户`).first().waitFor();

      // The first household still to screen.
      const households = page.getByRole('list', { name: '排查清单' });
      await households.getByRole('listitem').first().waitFor();
      await noHorizontalScroll(page, PHONE_390.width);
      await screenshot(page, 'screening-campaign-phone');
      const first = households.getByRole('listitem').first();
      const headName = (await first.locator('a').first().textContent())!.trim();
      await first.getByRole('button', { name: /排\s*查/ }).click();
      await page.waitForURL(/\/screening\/\d+\/households\/\d+/);
      const householdId = Number(/households\/(\d+)/.exec(page.url())![1]);
      await page.getByRole('heading', { name: headName }).waitFor();

      // 看病就医: 困难严重, with a note; the date defaults to today.
      const medical = page.getByRole('radiogroup', { name: '看病就医' });
      await medical.getByText('困难严重', { exact: true }).click();
      await expect.poll(() => medical.getByRole('radio', { name: '困难严重' }).isChecked()).toBe(true);
      await page.getByLabel('看病就医 说明（可选）').fill('家中老人慢性病停药，无法外出就医');
      await page.getByLabel('疫情造成的家庭减收（元）').fill('1500');
      await noHorizontalScroll(page, PHONE_390.width);
      await screenshot(page, 'screening-form-phone');
      await page.getByLabel('其他情况').scrollIntoViewIfNeeded();
      await screenshot(page, 'screening-form-bottom-phone');

      const [saved] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().endsWith(`/api/screening/campaigns/${campaign.id}/households/${householdId}`) &&
            r.request().method() === 'PUT',
        ),
        page.getByRole('button', { name: '保存排查结果' }).click(),
      ]);
      expect(saved.status()).toBe(200);
      const record = (await saved.json()) as { atRisk: boolean; screenedOn: string };
      expect(record.atRisk).toBe(true);
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      expect(record.screenedOn).toBe(today);

      // The verdict, with the server's reason.
      const verdict = page.getByRole('status').filter({ hasText: '存在致贫返贫风险' });
      await verdict.waitFor();
      await verdict.getByRole('list', { name: '风险原因' }).getByText('看病就医困难严重').waitFor();
      await quiet(page);
      await noHorizontalScroll(page, PHONE_390.width);
      await screenshot(page, 'screening-verdict-phone');

      const after = await totals(page, campaign.id);
      expect(after.screened).toBe(before.screened + 1);
      expect(after.atRisk).toBe(before.atRisk + 1);

      // On to the next household not yet screened.
      await page.getByRole('button', { name: '下一户（未排查）' }).click();
      await page.waitForURL((url) => {
        const m = /households\/(\d+)/.exec(url.pathname);
        return !!m && Number(m[1]) !== householdId;
      });
      await page.getByRole('button', { name: '保存排查结果' }).waitFor();

      // The campaign page counts it, and lists the household among those at risk.
      await page.getByRole('button', { name: /返回清单/ }).click();
      await page
        .getByText(`已排查 ${before.screened + 1} / ${before.households} 户`)
        .first()
        .waitFor();
      await page.getByText(`有风险 ${before.atRisk + 1}`, { exact: true }).click();
      await households.getByRole('link', { name: headName }).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('renders the campaign on a desktop (zh) and the form on a phone (en) (screenshots)', async () => {
    const desktop = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(desktop.page, 'town', DEMO_PASSWORD);
      await desktop.page.goto(`/screening/${campaign.id}`);
      await desktop.page.locator('.ant-table-row').first().waitFor();
      await desktop.page
        .getByRole('list', { name: '按镇(街)' })
        .or(desktop.page.getByRole('list', { name: '按村(社区)' }))
        .first()
        .waitFor();
      await screenshot(desktop.page, 'screening-campaign-desktop');
      await desktop.page.goto('/screening');
      await desktop.page.locator('.ant-table-row').first().waitFor();
      await desktop.page.locator('.ant-progress').first().waitFor();
      await screenshot(desktop.page, 'screening-campaigns-desktop');
    } finally {
      await desktop.context.close();
    }

    const phone = await newPage(browser, PHONE_390);
    try {
      await loginThroughForm(phone.page, 'village', DEMO_PASSWORD);
      await phone.page.evaluate(() => window.localStorage.setItem('bangfu.lang', 'en'));
      await phone.page.goto(`/screening/${campaign.id}`);
      await phone.page.getByText('Not screened', { exact: false }).first().waitFor();
      const card = phone.page.getByRole('list', { name: 'Households' }).getByRole('listitem').first();
      await card.waitFor();
      await noHorizontalScroll(phone.page, PHONE_390.width);
      await screenshot(phone.page, 'screening-campaign-phone-en');
      await card.getByRole('button', { name: 'Screen' }).click();
      await phone.page.getByRole('button', { name: 'Save the screening' }).waitFor();
      await phone.page
        .getByRole('radiogroup', { name: 'Employment' })
        .getByText('Some', { exact: true })
        .click();
      await noHorizontalScroll(phone.page, PHONE_390.width);
      await screenshot(phone.page, 'screening-form-phone-en');
    } finally {
      await phone.context.close();
    }
  });

  it('the office opens a campaign over one village and closes it; recording is then refused', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'admin', DEMO_PASSWORD);
      await openFromMenu(page, '疫情影响排查');
      await page.getByRole('heading', { name: '疫情影响排查' }).waitFor();
      await page.getByRole('button', { name: /发起排查/ }).click();
      const dialog = page.getByRole('dialog', { name: '发起排查' });
      await dialog.getByLabel('排查名称').fill('端到端测试：单村复查');
      // The scope: a village of the district, picked in the region tree by search.
      const villages = await apiGet<{ items: { code: string; name: string; level: string }[] }>(
        page,
        '/api/regions?tree=district',
      );
      const village = villages.items.find((r) => r.level === 'village')!;
      const scope = dialog.getByLabel('排查范围');
      await scope.click();
      await scope.fill(village.name);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .getByTitle(village.name, { exact: true })
        .first()
        .click();
      const [created] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/api/screening/campaigns') && r.request().method() === 'POST',
        ),
        dialog.getByRole('button', { name: /保\s*存/ }).click(),
      ]);
      expect(created.status()).toBe(201);
      const c = (await created.json()) as Campaign & { regionCode: string };
      expect(c.regionCode).toBe(village.code);
      await page.waitForURL(new RegExp(`/screening/${c.id}$`));
      await page.getByRole('heading', { name: '端到端测试：单村复查' }).waitFor();

      await page.getByRole('button', { name: /返回排查列表/ }).click();
      const row = page.locator('.ant-table-row', { hasText: '端到端测试：单村复查' });
      await row.getByRole('button', { name: /结束排查/ }).click();
      const [closed] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/screening/campaigns/${c.id}/close`)),
        page
          .getByRole('dialog')
          .getByRole('button', { name: /确\s*定|OK/ })
          .click(),
      ]);
      expect(closed.status()).toBe(200);
      await row.getByText('已结束').waitFor();
      expect(await row.getByRole('button', { name: /结束排查/ }).count()).toBe(0);

      // A closed campaign's form is read-only.
      const pending = await apiGet<{ items: { householdId: number }[] }>(
        page,
        `/api/screening/campaigns/${c.id}/households?status=pending&limit=1`,
      );
      await page.goto(`/screening/${c.id}/households/${pending.items[0]!.householdId}`);
      await page.getByText('本次排查已结束，只能查看').waitFor();
      expect(await page.getByRole('button', { name: '保存排查结果' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
