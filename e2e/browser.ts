import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The server under test; scripts/e2e.mjs starts one and sets this. */
export const BASE_URL = (process.env.BANGFU_E2E_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const DEMO_PASSWORD = 'bangfu-demo';
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 360, height: 740 };

/** Debian's Chromium (Playwright cannot download its own browsers on these machines). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.BANGFU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies, Chinese locale) at the given size, on the shared server unless told. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
  baseURL: string = BASE_URL,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: viewport.width < 768,
    hasTouch: viewport.width < 768,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Let antd's animations (drawers, messages, tree expansion) settle first.
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
