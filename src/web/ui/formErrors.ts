import type { FormInstance } from 'antd';
import { ApiError } from '../api/ApiError';
import { pick, type Lang } from '../i18n/lang';

/** A problem located on a form field by its (nested) name path, e.g. `['details', 'employer']`. */
export interface FieldProblem {
  name: (string | number)[];
  message: string;
}

/** The parts of a zod issue this needs (zod 4's `$ZodIssue`, kept structural so ui imports no schema). */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

const TEXT = {
  required: { zh: '必填', en: 'Required' },
  choose: { zh: '请选择', en: 'Choose one' },
  format: { zh: '格式不正确', en: 'Wrong format' },
  invalid: { zh: '无效的值', en: 'Invalid value' },
} as const;

/**
 * A zod issue in the interface language. zod's own messages are English and technical ("Too small:
 * expected string to have >=1 characters"); the schemas' custom messages are written for people.
 */
export function issueMessage(issue: IssueLike, lang: Lang): string {
  switch (issue.code) {
    case 'invalid_type':
      return pick(issue.input === undefined || issue.input === null ? TEXT.required : TEXT.invalid, lang);
    case 'too_small': {
      const min = Number(issue.minimum ?? 0);
      if (issue.origin === 'string' || issue.origin === 'array')
        return min <= 1
          ? pick(TEXT.required, lang)
          : lang === 'zh'
            ? `至少 ${min} 个字符`
            : `At least ${min}`;
      return lang === 'zh' ? `不能小于 ${min}` : `At least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum ?? 0);
      if (issue.origin === 'string')
        return lang === 'zh' ? `不能超过 ${max} 个字符` : `At most ${max} characters`;
      return lang === 'zh' ? `不能大于 ${max}` : `At most ${max}`;
    }
    case 'invalid_format':
      return pick(TEXT.format, lang);
    case 'invalid_value':
    case 'invalid_union':
      return pick(issue.input === undefined || issue.input === null ? TEXT.required : TEXT.choose, lang);
    default:
      return issue.message;
  }
}

/** Zod issues as field problems (the issue path is the field's name path). */
export function issuesToProblems(issues: readonly IssueLike[], lang: Lang): FieldProblem[] {
  return issues.map((issue) => ({
    name: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issueMessage(issue, lang),
  }));
}

/**
 * A server schema-check detail as an issue: the code, and the bounds and type read back from zod's
 * English message ("Too small: expected string to have >=1 characters", "… received undefined").
 */
function serverIssue(code: string, text: string): IssueLike {
  const bound = /expected (\w+) to (?:have|be) [<>]=?\s*(-?[\d.]+)/.exec(text);
  const limit = bound ? Number(bound[2]) : undefined;
  return {
    code,
    path: [],
    message: text,
    origin: bound?.[1],
    minimum: code === 'too_small' ? limit : undefined,
    maximum: code === 'too_big' ? limit : undefined,
    input: /received (undefined|null)/.test(text) ? undefined : '',
  };
}

/**
 * An API 400's located details as field problems. Details from the server's schema check carry
 * zod's English text, so they get the generic wording; the services' own details are bilingual.
 */
export function apiErrorProblems(error: unknown, lang: Lang): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter((d) => d.path)
    .map((d) => ({
      name: d.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message: d.code.startsWith('validation.')
        ? issueMessage(serverIssue(d.code.slice('validation.'.length), d.message.en), lang)
        : pick(d.message, lang),
    }));
}

/**
 * Puts problems on the form fields they name. `resolve` maps a problem's path to a field that exists
 * (or null to leave it out). Returns the problems that found no field, for a general message.
 */
export function setFieldProblems(
  form: FormInstance,
  problems: readonly FieldProblem[],
  resolve: (name: (string | number)[]) => (string | number)[] | null = (n) => n,
): FieldProblem[] {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldProblem[] = [];
  for (const problem of problems) {
    const name = resolve(problem.name);
    if (!name) {
      unplaced.push(problem);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(problem.message)) entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  if (byField.size) form.setFields([...byField.values()]);
  return unplaced;
}
