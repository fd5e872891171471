import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The login button. Matched by the end of its name: while antd's loading icon plays its leave
 * animation the accessible name is "loading 登录".
 */
export function loginButton(page: Page): Locator {
  return page.getByRole('button', { name: /(^|\s)登录$/ });
}

/** Fills the login form and submits it; resolves with the login answer's HTTP status. */
export async function submitLogin(page: Page, username: string, password: string): Promise<number> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST'),
    loginButton(page).click(),
  ]);
  // Let the page show the refusal (and the button leave its loading state) before the next click.
  if (response.status() !== 200) {
    await page.getByRole('alert').waitFor();
    await page.locator('.ant-btn-loading').waitFor({ state: 'detached' });
  }
  return response.status();
}

/** Logs in through the login page and waits for the signed-in home page. */
export async function loginThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  const status = await submitLogin(page, username, password);
  expect(status, `login of ${username}`).toBe(200);
  await page.getByRole('heading', { name: /^您好/ }).waitFor();
}

/** Opens a page from the navigation (the side menu, or the drawer menu on a phone). */
export async function openFromMenu(page: Page, label: string): Promise<void> {
  const menuButton = page.getByRole('button', { name: /^(菜单|Menu)$/ });
  if (await menuButton.isVisible()) await menuButton.click();
  await menuItem(page, label).click();
}

/** A navigation entry by its text (its accessible name also carries the icon's label, e.g. "team 用户管理"). */
export function menuItem(page: Page, label: string): Locator {
  return page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) });
}

export async function logout(page: Page, displayName: string): Promise<void> {
  const userButton = page.getByRole('button', { name: new RegExp(`^${displayName}`) });
  const item = menuItem(page, '退出登录');
  // On a loaded two-core CI machine a click on the menu while it was still opening has been seen
  // to go nowhere (no logout request, no navigation): try the menu again rather than wait forever.
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) await userButton.click();
    await item.click();
    try {
      await page.waitForURL(/\/login/, { timeout: 20_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await page.getByText('您已退出登录').waitFor();
}

/** Picks an option of an antd Select (its popup lives outside the form, at the end of the page). */
export async function pickOption(
  page: Page,
  select: Locator,
  optionTitle: string,
  search?: string,
): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // The select's own box: after the pick it shows the option, titled with it.
  const root = select.locator(
    "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await select.fill(search);
    await open.getByTitle(optionTitle, { exact: true }).click();
    // On a loaded CI machine antd has been seen to leave the list open after the pick, covering the
    // next field for good, and to lose a pick altogether (the form then refuses the empty field and
    // the test waits for a save that never goes): close the list by hand, and pick again once.
    try {
      await open.first().waitFor({ state: 'hidden', timeout: 5_000 });
    } catch {
      await select.press('Escape');
      await open.first().waitFor({ state: 'hidden' });
    }
    // Whether the box shows the pick: by its title, or its text (some selects render a custom label).
    // Not an assertion: the journey's own checks fail on a field left empty; this only picks again.
    const shown = async () =>
      (await root.getByTitle(optionTitle, { exact: true }).count()) > 0 ||
      (await root.innerText()).includes(optionTitle);
    for (let i = 0; i < 10 && !(await shown()); i++) await page.waitForTimeout(300);
    if (attempt === 2 || (await shown())) return;
  }
}

/** Picks a node of an antd TreeSelect by typing its name; picks again once if the box does not show it. */
export async function pickTreeNode(page: Page, select: Locator, scope: Locator, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await select.fill(name);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .first()
      .click();
    try {
      await scope.getByTitle(name, { exact: true }).waitFor({ timeout: attempt === 1 ? 8_000 : 20_000 });
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

export interface RegionRow {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  kindLabel: string;
  parentCode: string | null;
  sort: number;
}

/** Reads a region tree through the API with the page's session (what the signed-in user may see). */
export async function fetchRegions(page: Page, tree: 'district' | 'paired'): Promise<RegionRow[]> {
  const body = await page.evaluate(async (t) => {
    const res = await fetch(`/api/regions?tree=${t}`, { credentials: 'same-origin' });
    return (await res.json()) as { items: RegionRow[] };
  }, tree);
  return body.items;
}
