import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticName } from '../src/core/households/fixtures';
import { mulberry32 } from '../src/core/identity/random';
import { readSheetRows } from '../src/server/domains/registry-import/xlsx-reader';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('streaming .xlsx reader', () => {
  it('keeps every Chinese character intact across compressed-chunk boundaries (shared and inline strings)', async () => {
    const rng = mulberry32(1);
    const names = Array.from(
      { length: 6000 },
      () => `${syntheticName(rng)}（${syntheticName(rng)}村民小组）`,
    );
    for (const useSharedStrings of [true, false]) {
      const file = path.join(dir, `names-${useSharedStrings}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: file,
        useSharedStrings,
        useStyles: false,
      });
      const other = wb.addWorksheet('说明');
      other.addRow(['不读这一页']).commit();
      other.commit();
      const ws = wb.addWorksheet('家庭成员');
      ws.addRow(['姓名', '序号', '是否']).commit();
      names.forEach((n, i) => ws.addRow([n, i, i % 2 === 0]).commit());
      ws.commit();
      await wb.commit();
      const read: unknown[][] = [];
      for await (const { sheet, row } of readSheetRows(file, '家庭成员')) {
        expect(sheet).toBe('家庭成员');
        read.push(row.values.slice(1));
      }
      expect(read[0]).toEqual(['姓名', '序号', '是否']);
      expect(read.slice(1).map((r) => r[0])).toEqual(names);
      expect(read[6000]).toEqual([names[5999], 5999, false]);
    }
  });
});
