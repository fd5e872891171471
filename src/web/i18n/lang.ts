import type { LocalizedText } from '../../core/errors/errors';

/** The two interface languages; Chinese is the default. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'bangfu.lang';

export function loadLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function saveLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Picks the current language's side of a bilingual text from the server. */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.zh;
}
