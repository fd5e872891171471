import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, newPage, screenshot } from './browser';
import {
  makeDataDir,
  removeDataDir,
  serverLog,
  startJourneyServer,
  type JourneyServer,
} from './journey-server';
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
  monitoringStatus: string;
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

/**
 * ONE include case through every step, as the rules require (R10): the town clerk proposes a household
 * (clue → home check with the signed authorisation → village appraisal, the public notice starts);
 * the notice must run five days, so the journey stops its own server and starts it again on the same
 * data with the clock six days ahead (BANGFU_CLOCK_OFFSET_DAYS=6); then the town closes the notice and
 * reviews, the inspection team verifies, the district approves, and the household is monitored with
 * its flag explained. The journey runs on its own server and data folder (PGlite is single-process);
 * the other journeys keep the shared one.
 */
describe('the include procedure end to end, one case through every step', () => {
  let dataDir = '';
  let server: JourneyServer | undefined;
  let target: Summary;
  let caseId = 0;
  const proposedType = '边缘易致贫户';
  /** The town clerk's cookies from day 0, to show that a session does not survive the jump. */
  let day0Cookies: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

  const open = (viewport = DESKTOP) => newPage(browser, viewport, server!.url);

  beforeAll(async () => {
    dataDir = makeDataDir();
    server = await startJourneyServer({ dataDir });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) removeDataDir(dataDir);
  }, 60_000);

  it('day 0: the town clerk finds an unmonitored household flagged for low income and proposes it; the notice starts', async () => {
    expect(serverLog(server!)).not.toMatch(/BANGFU_CLOCK_OFFSET_DAYS/);
    const { context, page } = await open();
    try {
      await loginThroughForm(page, 'town', DEMO_PASSWORD);

      // An unmonitored household of the town (清水镇) whose per-capita income is below the monitoring
      // line in 2020, with a unique head name and no open case (read through the API).
      const flagged = await apiGet<{ items: Summary[] }>(
        page,
        '/api/households?monitoringStatus=none&flagged=true&year=2020&limit=100',
      );
      let found: Summary | undefined;
      for (const h of flagged.items) {
        if (h.monitoringStatus !== 'none' || !h.flagRules.includes('incomeBelowMonitoringLine')) continue;
        if (flagged.items.filter((o) => o.headName === h.headName).length > 1) continue;
        const cases = await apiGet<{ items: CaseRow[] }>(page, `/api/cases?householdId=${h.id}`);
        if (cases.items.every((c) => c.closedAt)) {
          found = h;
          break;
        }
      }
      expect(found, 'an unmonitored household below the income line without an open case').toBeDefined();
      target = found!;

      // 困难群众: filter to flagged, unmonitored households, then search the head's name.
      await openFromMenu(page, '困难群众');
      await page.getByRole('heading', { name: '困难群众' }).waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      await pickOption(page, page.getByLabel('监测状态', { exact: true }), '未纳入监测');
      await pickOption(page, page.getByLabel('预警', { exact: true }), '有预警');
      await page.locator('.ant-table-row').first().waitFor();
      await screenshot(page, 'households-desktop');
      const search = page.getByLabel('户主、成员姓名、户编号或完整身份证号');
      await search.fill(target.headName);
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/households?') && r.url().includes('q=')),
        search.press('Enter'),
      ]);
      const row = page.locator('.ant-table-row', { has: page.locator(`a[href="/households/${target.id}"]`) });
      await row.getByText('未纳入监测').first().waitFor();
      await row.locator(`a[href="/households/${target.id}"]`).first().click();
      await page.waitForURL(new RegExp(`/households/${target.id}$`));
      await page.getByRole('heading', { name: target.headName }).waitFor();

      // The household page explains its flags: the income flag in the clerk's words.
      const flags = page.getByRole('list', { name: '监测预警' });
      await flags.getByRole('listitem').first().waitFor();
      await flags.getByText('人均纯收入低于监测线').first().waitFor();
      await page
        .locator('.ant-tag', { hasText: /^(达标|未达标|待核实)$/ })
        .first()
        .waitFor();
      await screenshot(page, 'household-desktop');

      // 提议纳入监测: the clue, its source and the proposed type → the case opens at the home check.
      await page.getByRole('button', { name: /提议纳入监测/ }).click();
      const dialog = page.getByRole('dialog', { name: `登记线索：${target.headName}` });
      await pickOption(page, dialog.getByLabel('线索来源'), '农户自主申报');
      await pickOption(page, dialog.getByLabel('拟纳入类别'), proposedType);
      await dialog.getByLabel('线索说明').fill('农户申报：家庭成员患病，人均纯收入低于监测线（端到端测试）');
      const [created] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST'),
        dialog.getByRole('button', { name: '提交', exact: true }).click(),
      ]);
      expect(created.status()).toBe(201);
      caseId = ((await created.json()) as { id: number }).id;
      await page.waitForURL(new RegExp(`/cases/${caseId}$`));
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
        page.waitForResponse((r) => r.url().includes(`/api/cases/${caseId}/attachments`)),
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
      }, caseId);
      expect(notice).toContain(target.headName);
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
      day0Cookies = await context.storageState();
    } finally {
      await context.close();
    }
  });

  it('day 6 (server restarted, clock six days ahead): the town closes the notice and reviews, the inspector verifies, the admin approves; the household is monitored with its flag explained', async () => {
    expect(caseId, 'the case proposed on day 0').toBeGreaterThan(0);
    await server!.stop();
    server = await startJourneyServer({ dataDir, clockOffsetDays: 6 });
    expect(serverLog(server)).toMatch(/BANGFU_CLOCK_OFFSET_DAYS=6/);

    // Sessions follow the server's clock: the clerk's day-0 session has been idle six days and is over.
    const stale = await browser.newContext({ baseURL: server.url, storageState: day0Cookies });
    try {
      const me = await stale.request.get('/api/me');
      expect(me.status()).toBe(401);
      expect(((await me.json()) as { error: { code: string } }).error.code).toBe('auth.session_expired');
    } finally {
      await stale.close();
    }

    // The town clerk closes the notice (no objections) and approves at the town review.
    const town = await open();
    try {
      await loginThroughForm(town.page, 'town', DEMO_PASSWORD);
      await openCaseFromQueue(town.page, caseId);
      expect(
        await takeAction(town.page, '结束公示', async (d) => {
          await d.getByLabel('公示期间异议').fill('公示期间无异议');
        }),
      ).toBe(200);
      await town.page.locator('.ant-tag', { hasText: '镇(街)审核' }).first().waitFor();
      expect(
        await takeAction(town.page, '镇(街)审核通过', async (d) => {
          await d.getByLabel('备注').fill('经审核，符合纳入条件');
        }),
      ).toBe(200);
      await town.page.locator('.ant-tag', { hasText: '专项督察组核查' }).first().waitFor();
      await quiet(town.page);
      await screenshot(town.page, 'case-town-reviewed-desktop');
    } finally {
      await town.context.close();
    }

    // The inspection team: a return needs reasons (refused without), then it verifies.
    const inspector = await open();
    try {
      await loginThroughForm(inspector.page, 'inspector', DEMO_PASSWORD);
      await openCaseFromQueue(inspector.page, caseId, 'cases-desktop');
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

    // The district office approves: the household becomes monitored, its income flag explained.
    const admin = await open();
    try {
      await loginThroughForm(admin.page, 'admin', DEMO_PASSWORD);
      await openCaseFromQueue(admin.page, caseId);
      expect(await takeAction(admin.page, '区级审定通过')).toBe(200);
      await admin.page.locator('.ant-tag', { hasText: '已审定' }).first().waitFor();
      await admin.page.getByText('案件已办结').waitFor();
      await quiet(admin.page);
      await screenshot(admin.page, 'case-approved-desktop');

      await admin.page.getByRole('link', { name: '查看家庭' }).click();
      await admin.page.waitForURL(new RegExp(`/households/${target.id}$`));
      await admin.page.getByRole('heading', { name: target.headName }).waitFor();
      await admin.page
        .locator('.ant-tag', { hasText: `监测中 · ${proposedType}` })
        .first()
        .waitFor();
      const year = await apiGet<{ flags: { rule: string; explanation: { zh: string } }[] }>(
        admin.page,
        `/api/households/${target.id}/years/2020`,
      );
      const income = year.flags.find((f) => f.rule === 'incomeBelowMonitoringLine');
      expect(income, 'the income flag').toBeDefined();
      expect(income!.explanation.zh).toMatch(/人均纯收入 [\d,]+ 元 < 监测线 [\d,]+ 元/);
      const flags = admin.page.getByRole('list', { name: '监测预警' });
      await flags.getByText(income!.explanation.zh, { exact: true }).waitFor();
      await admin.page
        .getByText(/经区级审定，纳入监测/)
        .first()
        .waitFor();
      await quiet(admin.page);
      await screenshot(admin.page, 'household-monitored-desktop');

      // The registry agrees: the household is monitored with the proposed type.
      const detail = await apiGet<{ monitoringStatus: string; monitoringType: string | null }>(
        admin.page,
        `/api/households/${target.id}`,
      );
      expect(detail.monitoringStatus).toBe('monitored');
      expect(detail.monitoringType).toBe('marginal');
    } finally {
      await admin.context.close();
    }
  }, 360_000);

  it('renders the household list, the monitored household and its case on a phone (screenshots)', async () => {
    expect(caseId).toBeGreaterThan(0);
    const { context, page } = await open(PHONE);
    try {
      await loginThroughForm(page, 'town', DEMO_PASSWORD);
      await openFromMenu(page, '困难群众');
      await page.getByRole('heading', { name: '困难群众' }).waitFor();
      await page.getByRole('list', { name: '困难群众' }).getByRole('listitem').first().waitFor();
      await screenshot(page, 'households-phone');
      await openFromMenu(page, '动态调整');
      await page.getByRole('list', { name: '我的待办' }).getByRole('listitem').first().waitFor();
      await screenshot(page, 'cases-phone');
      await page.goto(`/households/${target.id}`);
      await page.getByRole('list', { name: '监测预警' }).getByRole('listitem').first().waitFor();
      await page
        .getByText(/^监测中/)
        .first()
        .waitFor();
      await screenshot(page, 'household-phone');
      await page.goto(`/cases/${caseId}`);
      await page.getByText(`案件 #${caseId}`).waitFor();
      await screenshot(page, 'case-phone');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'no horizontal scrolling at 360 px').toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });
});
