import { describe, expect, it } from 'vitest';
import { decodeCsv, toImportProblems } from './importProblems';

const message = { zh: '错', en: 'wrong' };

describe('toImportProblems', () => {
  it('reads the row and column of `csv!12:区划代码`', () => {
    const [p] = toImportProblems([{ path: 'csv!12:区划代码', code: 'x', message }]);
    expect(p).toMatchObject({ row: 12, column: '区划代码', code: 'x' });
  });

  it('reads a row without a column, and leaves other paths unlocated', () => {
    const [header, other] = toImportProblems([
      { path: 'csv!1', code: 'csv.header', message },
      { path: 'tree', code: 'y', message },
    ]);
    expect(header).toMatchObject({ row: 1, column: null });
    expect(other).toMatchObject({ row: null, column: null });
  });
});

describe('decodeCsv', () => {
  it('decodes UTF-8', () => {
    const bytes = new TextEncoder().encode('区划代码,名称\n');
    expect(decodeCsv(bytes.buffer)).toBe('区划代码,名称\n');
  });

  it('falls back to GB18030, as Excel on Chinese Windows saves CSV', () => {
    // "名称" in GBK/GB18030.
    const bytes = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6]);
    expect(decodeCsv(bytes.buffer)).toBe('名称');
  });
});
