import { useCallback } from 'react';
import { useI18n } from './useI18n';

/**
 * A module's own strings, kept beside the module (not in the shared dictionary): Chinese first, the
 * English dictionary has the same keys (the type says so). Returns the module's `useXt()` hook:
 * `xt('key', { name })` in the interface language with `{name}` placeholders filled.
 */
export function createModuleText<K extends string>(
  zh: Readonly<Record<K, string>>,
  en: Readonly<Record<K, string>>,
) {
  const dicts = { zh, en } as const;
  return function useModuleText() {
    const { lang } = useI18n();
    return useCallback(
      (key: K, params?: Record<string, string | number>) => {
        const template: string = dicts[lang][key];
        if (!params) return template;
        return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        );
      },
      [lang],
    );
  };
}
