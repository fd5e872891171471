import { createContext } from 'react';
import type { LocalizedText } from '../../core/errors/errors';
import type { Lang } from './lang';
import type { MessageKey } from './messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A string of the interface dictionary. */
  t: Translate;
  /** The current language's side of a bilingual text from the server or `src/core`. */
  lt: (text: LocalizedText) => string;
}

export const I18nContext = createContext<I18n | null>(null);
