import { describe, expect, it } from 'vitest';
import { readTextFile } from './readTextFile';

describe('readTextFile', () => {
  it('reads UTF-8 with or without a byte-order mark', async () => {
    expect(await readTextFile(new Blob(['\uFEFF工作要点']))).toBe('工作要点');
    expect(await readTextFile(new Blob(['工作要点']))).toBe('工作要点');
  });

  it('falls back to GB18030 for a GBK file', async () => {
    // 工作 in GBK: B9 A4 D7 F7
    expect(await readTextFile(new Blob([new Uint8Array([0xb9, 0xa4, 0xd7, 0xf7])]))).toBe('工作');
  });
});
