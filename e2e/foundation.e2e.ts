import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, newPage, screenshot } from './browser';
import {
  fetchRegions,
  loginButton,
  loginThroughForm,
  logout,
  menuItem,
  openFromMenu,
  pickOption,
  submitLogin,
  type RegionRow,
} from './steps';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The first town (by the tree's order) that has villages, one of its villages, and a village of another town. */
function pickTowns(regions: RegionRow[]) {
  const byOrder = (a: RegionRow, b: RegionRow) => a.sort - b.sort || a.code.localeCompare(b.code);
  const towns = regions.filter((r) => r.level === 'town').sort(byOrder);
  const villagesOf = (code: string) => regions.filter((r) => r.parentCode === code).sort(byOrder);
  const town = towns.find((t) => villagesOf(t.code).length > 0);
  if (!town) throw new Error('the demo district has no town with villages');
  const other = towns.find((t) => t.code !== town.code && villagesOf(t.code).length > 0);
  if (!other) throw new Error('the demo district needs two towns with villages');
  const ownVillage = villagesOf(town.code)[0]!;
  // A village name that does not also occur in the chosen town (demo names may repeat across towns).
  const ownNames = new Set(villagesOf(town.code).map((v) => v.name));
  const foreignVillage =
    villagesOf(other.code).find((v) => !ownNames.has(v.name)) ?? villagesOf(other.code)[0]!;
  return { town, other, ownVillage, foreignVillage };
}

describe('foundation journey', () => {
  it('admin creates a town clerk who sees only their town, and five wrong passwords lock the account', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      const username = `town-e2e-${Date.now().toString(36)}`;
      const displayName = `镇专干${username.slice(-4)}`;
      const password = 'town-clerk-2026';

      // 1. The office admin logs in through the login page (a fresh browser lands there).
      await page.goto('/');
      await page.waitForURL(/\/login/);
      await loginThroughForm(page, 'admin', DEMO_PASSWORD);

      // 2. Users page → create a town user scoped to the first town of the demo district.
      const { town, other, ownVillage, foreignVillage } = pickTowns(await fetchRegions(page, 'district'));
      await openFromMenu(page, '用户管理');
      await page.getByRole('heading', { name: '用户管理' }).waitFor();
      await page.getByRole('button', { name: '新建用户' }).click();
      const drawer = page.getByRole('dialog', { name: '新建用户' });
      await drawer.getByLabel('用户名', { exact: true }).fill(username);
      await drawer.getByLabel('姓名', { exact: true }).fill(displayName);
      await pickOption(page, drawer.getByLabel('角色', { exact: true }), '镇(街)');
      await pickOption(page, drawer.getByLabel('所属区域'), `${town.name}（${town.kindLabel}）`, town.name);
      await drawer.getByLabel('初始密码').fill(password);
      const [created] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST'),
        drawer.getByRole('button', { name: '保存', exact: true }).click(),
      ]);
      expect(created.status()).toBe(201);
      await page.getByText(`已创建用户 ${displayName}`).waitFor();
      await page.getByLabel('用户名或姓名').fill(username);
      await page.getByLabel('用户名或姓名').press('Enter');
      await expect.poll(() => page.getByRole('cell', { name: username, exact: true }).count()).toBe(1);
      await expect.poll(() => page.getByRole('cell', { name: town.name, exact: true }).count()).toBe(1);

      // 3. Log out; the new clerk logs in and sees only their own town in the district tree.
      await logout(page, '帮扶办管理员');
      await loginThroughForm(page, username, password);
      await openFromMenu(page, '区划');
      const tree = page.locator('.ant-tree').first();
      await tree.getByText(town.name, { exact: true }).waitFor();
      await tree.getByText(ownVillage.name, { exact: true }).waitFor();
      expect(await tree.getByText(other.name, { exact: true }).count()).toBe(0);
      expect(await tree.getByText(foreignVillage.name, { exact: true }).count()).toBe(0);
      // The API agrees: nothing outside the town comes back.
      const visible = await fetchRegions(page, 'district');
      expect(visible.every((r) => r.code.startsWith(town.code.slice(0, 9)))).toBe(true);

      // 4. Log out; five wrong passwords, then the right one is refused with the locked message.
      await logout(page, displayName);
      for (let i = 1; i <= 5; i++) {
        expect(await submitLogin(page, username, `wrong-password-${i}`), `wrong attempt ${i}`).toBe(401);
        await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
      }
      expect(await submitLogin(page, username, password)).toBe(423);
      await page
        .getByRole('alert')
        .getByText(/账号已暂时锁定/)
        .waitFor();
      expect(page.url()).toMatch(/\/login/);
    } finally {
      await context.close();
    }
  });

  it('renders the login, users and regions pages at desktop and phone width (screenshots)', async () => {
    for (const [suffix, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      try {
        await page.goto('/login');
        await page.getByRole('table', { name: '演示账号' }).waitFor();
        await screenshot(page, `login-${suffix}`);
        // A click on a demo account fills the form.
        await page.getByRole('cell', { name: 'admin', exact: true }).click();
        expect(await page.getByLabel('用户名', { exact: true }).inputValue()).toBe('admin');
        await loginButton(page).click();
        await page.getByRole('heading', { name: /^您好/ }).waitFor();
        await screenshot(page, `home-${suffix}`);

        if (suffix === 'phone') {
          await page.getByRole('button', { name: '菜单' }).click();
          await menuItem(page, '用户管理').waitFor();
          await screenshot(page, `menu-${suffix}`);
          await menuItem(page, '用户管理').click();
        } else {
          await openFromMenu(page, '用户管理');
        }
        await page.getByRole('heading', { name: '用户管理' }).waitFor();
        await page.getByText('admin', { exact: true }).first().waitFor();
        await screenshot(page, `users-${suffix}`);

        await openFromMenu(page, '区划管理');
        const tree = page.locator('.ant-tree').first();
        await tree.locator('.ant-tree-treenode').nth(1).waitFor();
        await tree.locator('.ant-tree-node-content-wrapper').nth(1).click();
        await page.getByText('区划代码').first().waitFor();
        await screenshot(page, `regions-${suffix}`);
      } finally {
        await context.close();
      }
    }
  });
});
