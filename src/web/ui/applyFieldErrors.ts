import type { FormInstance } from 'antd';
import { ApiError } from '../api/ApiError';
import { pick, type Lang } from '../i18n/lang';

/**
 * Puts an API validation error's details on the form fields they name. Returns true when at least one
 * detail landed on a field (the caller then need not show a separate message).
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  lang: Lang,
  fields: readonly string[],
): boolean {
  if (!(error instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  for (const detail of error.details) {
    const name = detail.path.split('.')[0] ?? '';
    if (!fields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), pick(detail.message, lang)]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
