import { describe, expect, it } from 'vitest';
import { en, zh } from './messages';
import { translate } from './translate';

describe('translate', () => {
  it('fills placeholders in both languages', () => {
    expect(translate('zh', 'app.loadedCount', { n: 3 })).toBe('已加载 3 条');
    expect(translate('en', 'app.loadedCount', { n: 3 })).toBe('3 loaded');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('zh', 'home.welcome')).toBe('您好，{name}');
  });

  it('has an English text for every Chinese one, with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(en[key], key).toBeTruthy();
      expect(names(en[key]), key).toEqual(names(zh[key]));
    }
  });
});
