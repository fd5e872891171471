/** Bilingual text: the UI shows zh, logs and API clients may use en. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Success branch of a validation result. */
export interface Ok<T> {
  ok: true;
  value: T;
}

/** Failure branch: a stable machine code plus a message that never contains personal data (privacy rule). */
export interface Err<C extends string = string> {
  ok: false;
  code: C;
  message: LocalizedText;
}

/** Discriminated union so callers must check `ok` before reading the value. */
export type Result<T, C extends string = string> = Ok<T> | Err<C>;

/** Builds a success result. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Builds a failure result; `zh`/`en` must be written without the offending value (it may be personal data). */
export function err<C extends string>(code: C, zh: string, en: string): Err<C> {
  return { ok: false, code, message: { zh, en } };
}
