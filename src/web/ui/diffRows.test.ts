import { describe, expect, it } from 'vitest';
import { diffRows } from './diffRows';

describe('diffRows', () => {
  it('lists every field of both sides and marks the changed ones', () => {
    const rows = diffRows({ name: '甲', sort: 1 }, { name: '乙', sort: 1, extra: true });
    expect(rows).toEqual([
      { field: 'name', before: '甲', after: '乙', changed: true },
      { field: 'sort', before: 1, after: 1, changed: false },
      { field: 'extra', before: undefined, after: true, changed: true },
    ]);
  });

  it('treats a missing side as empty (a creation has no before)', () => {
    expect(diffRows(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1, changed: true }]);
  });

  it('gives nothing when neither side has data', () => {
    expect(diffRows(null, undefined)).toEqual([]);
  });
});
