import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, newPage, screenshot } from './browser';
import { loginThroughForm, openFromMenu, pickOption } from './steps';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A 1×1 PNG: the "scanned" signed authorisation of the home check. */
const AUTHORISATION_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

interface Summary {
  id: number;
  headName: string;
  regionCode: string;
  flagRules: string[];
}
interface CaseRow {
  id: number;
  householdId: number;
  headName: string;
  kind: string;
  step: string;
  closedAt: string | null;
}

/** GET an API path with the page's session. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return (await res.json()) as T;
  }, path);
}

/** Clicks an action button of the case page, fills what its dialog asks, submits; returns the HTTP status. */
async function takeAction(
  page: Page,
  name: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<number> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => /\/api\/cases\/\d+\/actions$/.test(r.url()) && r.request().method() === 'POST',
    ),
    dialog.getByRole('button', { name: '提交', exact: true }).click(),
  ]);
  if (response.status() === 200) await dialog.waitFor({ state: 'detached' });
  return response.status();
}

/** Waits until antd's toasts have gone, so they do not cover the screenshot. */
async function quiet(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
}

async function openCaseFromQueue(page: Page, caseId: number, shot?: string): Promise<void> {
  await openFromMenu(page, '动态调整');
  await page.getByRole('heading', { name: '动态调整' }).waitFor();
  await page.locator(`a[href="/cases/${caseId}"]`).first().waitFor();
  if (shot) await screenshot(page, shot);
  await page.locator(`a[href="/cases/${caseId}"]`).first().click();
  await page.waitForURL(new RegExp(`/cases/${caseId}$`));
  await page.getByText(`案件 #${caseId}`).waitFor();
}

describe('households and the include procedure', () => {
  let proposedCaseId = 0;
  let proposedHouseholdId = 0;

  it('a town clerk finds a flagged household, proposes it for monitoring and takes the steps the town owns', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'town', DEMO_PASSWORD);

      // A flagged, unmonitored household of the town without an open case (read through the API).
      const flagged = await apiGet<{ items: Summary[] }>(
        page,
        '/api/households?monitoringStatus=none&flagged=true&year=2020&limit=100',
      );
      let target: Summary | undefined;
      for (const h of flagged.items) {
        const names = flagged.items.filter((o) => o.headName === h.headName).length;
        if (names > 1) continue;
        const cases = await apiGet<{ items: CaseRow[] }>(page, `/api/cases?householdId=${h.id}`);
        if (cases.items.every((c) => c.closedAt)) {
          target = h;
          break;
        }
      }
      expect(target, 'a flagged household without an open case').toBeDefined();
      proposedHouseholdId = target!.id;

      // 困难群众: filter to flagged, unmonitored households, then search the head's name.
      await openFromMenu(page, '困难群众');
      await page.getByRole('heading', { name: '困难群众' }).waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      await pickOption(page, page.getByLabel('监测状态', { exact: true }), '未纳入监测');
      await pickOption(page, page.getByLabel('预警', { exact: true }), '有预警');
      await page.locator('.ant-table-row').first().waitFor();
      await screenshot(page, 'households-desktop');
      const search = page.getByLabel('户主、成员姓名、户编号或完整身份证号');
      await search.fill(target!.headName);
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/households?') && r.url().includes('q=')),
        search.press('Enter'),
      ]);
      await page.locator(`a[href="/households/${target!.id}"]`).first().click();
      await page.waitForURL(new RegExp(`/households/${target!.id}$`));
      await page.getByRole('heading', { name: target!.headName }).waitFor();

      // The household page explains its flags.
      const flags = page.getByRole('list', { name: '监测预警' });
      await flags.getByRole('listitem').first().waitFor();
      expect(await flags.getByRole('listitem').count()).toBeGreaterThan(0);
      await page
        .locator('.ant-tag', { hasText: /^(达标|未达标|待核实)$/ })
        .first()
        .waitFor();
      await screenshot(page, 'household-desktop');

      // 提议纳入监测 → the case opens at the home check.
      await page.getByRole('button', { name: /提议纳入监测/ }).click();
      const dialog = page.getByRole('dialog', { name: `登记线索：${target!.headName}` });
      await dialog.getByLabel('线索说明').fill('走访排查发现人均纯收入低于监测线（端到端测试）');
      const [created] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST'),
        dialog.getByRole('button', { name: '提交', exact: true }).click(),
      ]);
      expect(created.status()).toBe(201);
      proposedCaseId = ((await created.json()) as { id: number }).id;
      await page.waitForURL(new RegExp(`/cases/${proposedCaseId}$`));
      await page.getByText('完成入户核实前须上传农户签字的授权书').waitFor();

      // Without the signed authorisation the home check cannot be completed…
      expect(
        await takeAction(page, '完成入户核实', async (d) => {
          await d.getByLabel('核实情况').fill('入户核实：家庭成员患病，收入减少，情况属实');
        }),
      ).toBe(409);
      await page
        .getByText(/请先上传农户签字的授权书/)
        .first()
        .waitFor();
      await page.getByRole('dialog', { name: '完成入户核实' }).getByRole('button', { name: '取消' }).click();

      // …so the clerk uploads it (a small PNG), then completes the home check.
      const [uploaded] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/api/cases/${proposedCaseId}/attachments`)),
        page.locator('input[type=file]').setInputFiles({
          name: '授权书.png',
          mimeType: 'image/png',
          buffer: AUTHORISATION_PNG,
        }),
      ]);
      expect(uploaded.status()).toBe(201);
      await page.getByRole('link', { name: '授权书.png' }).waitFor();
      expect(
        await takeAction(page, '完成入户核实', async (d) => {
          await d.getByLabel('核实情况').fill('入户核实：家庭成员患病，收入减少，情况属实');
        }),
      ).toBe(200);
      expect(
        await takeAction(page, '登记村级评议并开始公示', async (d) => {
          await d.getByLabel('评议结果').fill('村民代表一致同意纳入监测');
        }),
      ).toBe(200);
      await page.getByRole('link', { name: '查看公示文本' }).waitFor();
      const notice = await page.evaluate(async (id) => {
        const res = await fetch(`/api/cases/${id}/notice?format=text`, { credentials: 'same-origin' });
        return res.text();
      }, proposedCaseId);
      expect(notice).toContain(target!.headName);
      expect(notice).not.toMatch(/\d{17}[\dXx]/);

      // The notice must run at least five days: closing it today is refused with the reason.
      expect(await takeAction(page, '结束公示')).toBe(409);
      await page
        .getByText(/公示不少于 5 天/)
        .first()
        .waitFor();
      await page.getByRole('dialog', { name: '结束公示' }).getByRole('button', { name: '取消' }).click();
      await page.getByRole('dialog', { name: '结束公示' }).waitFor({ state: 'detached' });
      await quiet(page);
      await screenshot(page, 'case-desktop');
    } finally {
      await context.close();
    }
  });

  it('a case past its notice: the town approves, the inspector verifies, the admin approves, the household is monitored', async () => {
    // The demo district has include cases whose notice has run: the town clerk's queue holds them at 镇(街)审核.
    const town = await newPage(browser, DESKTOP);
    let caseRow: CaseRow;
    try {
      await loginThroughForm(town.page, 'town', DEMO_PASSWORD);
      const queue = await apiGet<{ items: CaseRow[] }>(town.page, '/api/cases/queue');
      const found = queue.items.find((c) => c.step === 'town_review' && c.kind === 'include');
      expect(found, 'an include case at the town review in the demo data').toBeDefined();
      caseRow = found!;
      await openCaseFromQueue(town.page, caseRow.id, 'cases-desktop');
      expect(
        await takeAction(town.page, '镇(街)审核通过', async (d) => {
          await d.getByLabel('备注').fill('经审核，符合纳入条件');
        }),
      ).toBe(200);
      await town.page.locator('.ant-tag', { hasText: '专项督察组核查' }).first().waitFor();
    } finally {
      await town.context.close();
    }

    // The inspection team: a return needs reasons (refused without), then it verifies.
    const inspector = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(inspector.page, 'inspector', DEMO_PASSWORD);
      await openCaseFromQueue(inspector.page, caseRow.id);
      await inspector.page.getByRole('button', { name: '督察组退回', exact: true }).click();
      const back = inspector.page.getByRole('dialog', { name: '督察组退回' });
      await back.getByRole('button', { name: '提交', exact: true }).click();
      await back.getByText('退回或不通过须写明理由').waitFor();
      await back.getByRole('button', { name: '取消' }).click();
      expect(
        await takeAction(inspector.page, '督察组核查通过', async (d) => {
          await d.getByLabel('备注').fill('抽查核实，情况属实');
        }),
      ).toBe(200);
      await inspector.page.locator('.ant-tag', { hasText: '区级审定' }).first().waitFor();
    } finally {
      await inspector.context.close();
    }

    // The district office approves: the household becomes monitored, its flag explained.
    const admin = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(admin.page, 'admin', DEMO_PASSWORD);
      await openCaseFromQueue(admin.page, caseRow.id);
      expect(await takeAction(admin.page, '区级审定通过')).toBe(200);
      await admin.page.locator('.ant-tag', { hasText: '已审定' }).first().waitFor();
      await admin.page.getByText('案件已办结').waitFor();
      await quiet(admin.page);
      await screenshot(admin.page, 'case-approved-desktop');

      await admin.page.getByRole('link', { name: '查看家庭' }).click();
      await admin.page.waitForURL(new RegExp(`/households/${caseRow.householdId}$`));
      await admin.page.getByRole('heading', { name: caseRow.headName }).waitFor();
      await admin.page
        .locator('.ant-tag', { hasText: /^监测中/ })
        .first()
        .waitFor();
      const year = await apiGet<{ flags: { explanation: { zh: string } }[] }>(
        admin.page,
        `/api/households/${caseRow.householdId}/years/2020`,
      );
      expect(year.flags.length).toBeGreaterThan(0);
      const flags = admin.page.getByRole('list', { name: '监测预警' });
      await flags.getByText(year.flags[0]!.explanation.zh, { exact: true }).waitFor();
      await admin.page
        .getByText(/经区级审定，纳入监测/)
        .first()
        .waitFor();
      await quiet(admin.page);
      await screenshot(admin.page, 'household-monitored-desktop');
    } finally {
      await admin.context.close();
    }
  });

  it('renders the household list, a household and a case on a phone (screenshots)', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await loginThroughForm(page, 'town', DEMO_PASSWORD);
      await openFromMenu(page, '困难群众');
      await page.getByRole('heading', { name: '困难群众' }).waitFor();
      await page.getByRole('list', { name: '困难群众' }).getByRole('listitem').first().waitFor();
      await screenshot(page, 'households-phone');
      await openFromMenu(page, '动态调整');
      await page.getByRole('list', { name: '我的待办' }).getByRole('listitem').first().waitFor();
      await screenshot(page, 'cases-phone');
      const id = proposedHouseholdId;
      expect(id).toBeGreaterThan(0);
      await page.goto(`/households/${id}`);
      await page.getByRole('list', { name: '监测预警' }).getByRole('listitem').first().waitFor();
      await screenshot(page, 'household-phone');
      await page.goto(`/cases/${proposedCaseId}`);
      await page.getByText(`案件 #${proposedCaseId}`).waitFor();
      await screenshot(page, 'case-phone');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'no horizontal scrolling at 360 px').toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });
});
