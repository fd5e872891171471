import { describe, expect, it } from 'vitest';
import { inSubtree, regionPrefix, regionScopeOf } from './scope';

describe('region scope', () => {
  it('derives the subtree prefix from the trailing zero segments', () => {
    expect(regionPrefix('349901000000')).toBe('349901');
    expect(regionPrefix('349901100000')).toBe('349901100');
    expect(regionPrefix('349901100201')).toBe('349901100201');
    expect(regionPrefix('340000000000')).toBe('34');
  });

  it('keeps a town code like 010 distinct from 100 (segments, not characters)', () => {
    expect(regionPrefix('349901010000')).toBe('349901010');
    expect(inSubtree('349901010000', '349901010201')).toBe(true);
    expect(inSubtree('349901010000', '349901100201')).toBe(false);
  });

  it('confines town and village users, and never leaves a scoped role unscoped', () => {
    expect(regionScopeOf({ role: 'town', regionCode: '349901100000' })).toBe('349901100000');
    expect(regionScopeOf({ role: 'village', regionCode: null })).toBe('__none__');
    expect(regionScopeOf({ role: 'admin', regionCode: null })).toBeNull();
  });
});
