import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../src/core/households/ledger';
import { computeCheckChar } from '../src/core/identity/idNumber';
import { DEMO_PASSWORD, DESKTOP, launchBrowser, newPage, screenshot } from './browser';
import { loginThroughForm, openFromMenu } from './steps';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VILLAGE = '349901100201'; // 桃港村, 清水镇 (the demo `town` user's town)
const run = Date.now().toString().slice(-6);

/** A synthetic ID number on the fictional address code 349901, unique to this run. */
function idNumber(birth: string, seq: number): string {
  const first17 = `349901${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + computeCheckChar(first17);
}

async function ledger(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('家庭成员');
  const headers = LEDGER_COLUMNS.map((c) => c.header);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const person = (over: Record<string, string | number>) => ({
  行政区划代码: VILLAGE,
  户属性: '一般农户',
  健康状况: '健康',
  劳动技能: '普通劳动力',
  是否参加城乡居民基本医疗保险: '是',
  是否参加大病保险: '是',
  ...over,
});

/** Puts a workbook into the dialog's (hidden) file input. */
async function pickFile(dialog: Locator, name: string, buffer: Buffer): Promise<void> {
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
  await dialog.getByText(name).waitFor();
}

/** Downloads a same-origin file with the page's session. */
async function fetchBytes(page: Page, url: string): Promise<Buffer> {
  const b64 = await page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${u}: ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, url);
  return Buffer.from(b64, 'base64');
}

describe('registry import journey (town clerk)', () => {
  it('a ledger with a wrong ID number is refused row by row; the corrected one imports; the year’s economics flag the household', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginThroughForm(page, 'town', DEMO_PASSWORD);
      await openFromMenu(page, '困难群众');
      await page.getByRole('heading', { name: '困难群众' }).waitFor();

      const no = `E2E-${run}`;
      const headId = idNumber('1971-03-02', Number(run.slice(-3)));
      const spouseId = idNumber('1973-07-19', Number(run.slice(-3)));
      const bad = spouseId.slice(0, 17) + (spouseId.endsWith('1') ? '2' : '1');
      const rows = (spouse: string) => [
        person({ 户编号: no, 姓名: '测试甲', 证件号码: headId, 与户主关系: '户主' }),
        person({ 户编号: no, 姓名: '测试乙', 证件号码: spouse, 与户主关系: '配偶' }),
      ];

      // 1. A wrong check character: validation names sheet, row and column, and nothing is written.
      await page.getByRole('button', { name: /导入花名册/ }).click();
      const dialog = page.getByRole('dialog', { name: '导入困难家庭花名册' });
      await pickFile(dialog, 'ledger-bad.xlsx', await ledger(rows(bad)));
      await dialog.getByRole('button', { name: '校验', exact: true }).click();
      await dialog.getByText('发现 1 处错误，未导入任何数据').waitFor({ timeout: 60_000 });
      const errorRow = dialog.locator('tbody tr').first();
      await expect.poll(() => errorRow.locator('td').nth(1).innerText()).toBe('3');
      expect(await errorRow.locator('td').nth(2).innerText()).toBe('证件号码');
      expect(await dialog.getByRole('button', { name: '导入', exact: true }).count()).toBe(0);
      await screenshot(page, 'registry-import-errors');

      // 2. Corrected: validated, then imported with the progress bar running to the end.
      await pickFile(dialog, 'ledger-good.xlsx', await ledger(rows(spouseId)));
      await dialog.getByRole('button', { name: '校验', exact: true }).click();
      await dialog.getByText('校验通过：1 户 2 人，可以导入').waitFor({ timeout: 60_000 });
      await dialog.getByRole('button', { name: '导入', exact: true }).click();
      await dialog.getByText(/已导入 1 户 2 人/).waitFor({ timeout: 60_000 });
      await expect.poll(() => dialog.locator('.ant-progress-status-success').count()).toBe(1);
      await screenshot(page, 'registry-import-done');
      await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭', exact: true }).click();

      // The new household is in the list.
      await page.getByPlaceholder('户主、成员姓名、户编号或完整身份证号').fill(no);
      await page.getByRole('button', { name: /搜\s*索/ }).click();
      await page.getByRole('link', { name: '测试甲' }).first().waitFor();

      // 3. The year's economics: download the sheet of the filtered list, fill it, import it.
      await page.getByRole('button', { name: /导入收支/ }).click();
      const econ = page.getByRole('dialog', { name: '导入家庭年度收支' });
      const href = await econ.getByRole('link', { name: /下载 2020 年收支表/ }).getAttribute('href');
      expect(href).toContain(`q=${no}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await fetchBytes(page, href!)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('家庭收支')!;
      expect(ws.rowCount).toBe(2);
      const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      const col = (h: string) => header.indexOf(h) + 1;
      expect(ws.getRow(2).getCell(col('户主姓名')).value).toBe('测试甲');
      // Two people, 9,000 yuan of wages: 4,500 per person, below the 6,000 monitoring line.
      const fill: Record<string, string | number> = {
        工资性收入: 9000,
        住房安全等级: 'A',
        '人均日用水量(升)': 80,
        是否缺水地区: '否',
        水质是否达标: '是',
        '取水往返时间(分钟)': 0,
        年断水天数: 0,
        口粮是否充足: '是',
        每月至少吃一次肉: '是',
        四季衣被是否齐全: '是',
      };
      for (const [h, v] of Object.entries(fill)) ws.getRow(2).getCell(col(h)).value = v;
      await pickFile(econ, 'economics-2020.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      await econ.getByRole('button', { name: '校验', exact: true }).click();
      await econ.getByText('校验通过：1 户的年度收支，可以导入').waitFor({ timeout: 60_000 });
      await econ.getByRole('button', { name: '导入', exact: true }).click();
      await econ.getByText('已导入 1 户（新增 1），其中 1 户触发监测预警').waitFor({ timeout: 60_000 });
      // The import ran as a job: its progress bar ended at success, after the one household-year.
      await expect.poll(() => econ.locator('.ant-progress-status-success').count()).toBe(1);
      await econ.getByText('完成', { exact: true }).waitFor();
      await screenshot(page, 'registry-economics-done');
      await econ.locator('.ant-modal-footer').getByRole('button', { name: '关闭', exact: true }).click();

      // The household page shows the flag with its explanation in numbers.
      await page.getByRole('link', { name: '测试甲' }).first().click();
      await page.waitForURL(/\/households\/\d+$/);
      await page.getByText(/4,500/).first().waitFor();
      await page.getByText(/6,000/).first().waitFor();
      await screenshot(page, 'registry-household-flagged');
    } finally {
      await context.close();
    }
  });
});
