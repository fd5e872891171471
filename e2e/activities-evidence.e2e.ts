import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, launchBrowser, newPage, screenshot } from './browser';
import { fetchRegions, loginThroughForm, openFromMenu, pickOption, pickTreeNode } from './steps';

/** A 1×1 PNG (synthetic "sign-in sheet"). */
const SIGN_IN_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function fillDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

describe('activity evidence', () => {
  it('a unit saves a new record, uploads a sign-in sheet and downloads it from the drawer', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'unit', DEMO_PASSWORD);
      const village = (await fetchRegions(page, 'paired')).find((r) => r.level === 'village')!;
      await openFromMenu(page, '活动台账');
      await page.getByRole('heading', { name: '活动台账' }).waitFor();
      await page.getByRole('button', { name: /新增记录$/ }).click();
      const drawer = page.getByRole('dialog', { name: '新增记录' });
      await drawer.waitFor();
      await pickOption(page, drawer.getByLabel('记录类型'), '理论学习');
      await fillDate(drawer.getByLabel('日期', { exact: true }), '2020-09-16');
      await pickTreeNode(page, drawer.getByRole('combobox', { name: /地点$/ }), drawer, village.name);
      await drawer.getByLabel('学习主题').fill('专题学习东西部协作政策（e2e）');

      // A new record offers the upload after the first save.
      await drawer.getByText('保存后可上传佐证材料').waitFor();
      const [created] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/activities') && r.request().method() === 'POST'),
        drawer.getByRole('button', { name: '保存并上传佐证材料' }).click(),
      ]);
      expect(created.status(), await created.text()).toBe(201);
      const edit = page.getByRole('dialog', { name: '编辑记录' });
      await edit.getByRole('button', { name: '上传佐证材料' }).waitFor();

      const [uploaded] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/evidence?') && r.request().method() === 'POST'),
        edit.locator('input[type=file]').setInputFiles({
          name: '签到表.png',
          mimeType: 'image/png',
          buffer: SIGN_IN_PNG,
        }),
      ]);
      expect(uploaded.status(), await uploaded.text()).toBe(201);
      const link = edit.getByRole('link', { name: '签到表.png' });
      await link.waitFor();
      await link.scrollIntoViewIfNeeded();
      await screenshot(page, 'record-evidence-desktop');

      const href = await link.getAttribute('href');
      const body = await page.evaluate(async (url) => {
        const res = await fetch(url!);
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          size: (await res.arrayBuffer()).byteLength,
        };
      }, href);
      expect(body).toEqual({ status: 200, type: 'image/png', size: SIGN_IN_PNG.length });

      // Saving the record afterwards keeps the uploaded file in its evidence.
      const [saved] = await Promise.all([
        page.waitForResponse(
          (r) => /\/api\/activities\/\d+$/.test(r.url()) && r.request().method() === 'PUT',
        ),
        edit.getByRole('button', { name: '保存', exact: true }).click(),
      ]);
      expect(saved.status(), await saved.text()).toBe(200);
      expect((await saved.json()).evidence).toEqual([
        expect.objectContaining({ name: '签到表.png', ref: expect.stringMatching(/^evidence:/) }),
      ]);
    } finally {
      await context.close();
    }
  });
});
