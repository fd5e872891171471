import type { Lang } from './lang';
import { en, zh, type MessageKey } from './messages';

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Looks a key up in a language and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
