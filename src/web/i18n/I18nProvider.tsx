import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../core/errors/errors';
import { I18nContext, type I18n, type Translate } from './I18nContext';
import { loadLang, pick, saveLang, type Lang } from './lang';
import { translate } from './translate';

/** Holds the interface language (Chinese by default, remembered in localStorage). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(loadLang);

  const setLang = useCallback((next: Lang) => {
    saveLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.name');
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const t: Translate = (key, params) => translate(lang, key, params);
    const lt = (text: LocalizedText) => pick(text, lang);
    return { lang, setLang, t, lt };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
