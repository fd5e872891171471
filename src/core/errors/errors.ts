import { z } from 'zod';

/** Bilingual text: Chinese first, English for the switch. */
export const LocalizedTextSchema = z.object({ zh: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Every error code the API can answer with, and its HTTP status. One table: the server maps codes
 * to statuses here and the web switches on the same codes.
 */
export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.session_expired': 401,
  'auth.csrf': 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  'auth.locked': 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const ErrorDetailSchema = z.object({
  /** Field path, e.g. `members.2.idNumber`, or `sheet!row:column` for imports. */
  path: z.string(),
  code: z.string(),
  message: LocalizedTextSchema,
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

/** The one JSON error shape the API returns. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: LocalizedTextSchema,
    details: z.array(ErrorDetailSchema).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

const DEFAULT_MESSAGES: Record<ErrorCode, LocalizedText> = {
  validation: { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the fields named' },
  bad_request: { zh: '请求格式有误', en: 'Malformed request' },
  'auth.required': { zh: '请先登录', en: 'Please log in' },
  'auth.invalid_credentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.session_expired': { zh: '登录已过期，请重新登录', en: 'Your session expired; please log in again' },
  'auth.csrf': {
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Security check failed; reload the page and retry',
  },
  forbidden: { zh: '无权进行此操作', en: 'You are not allowed to do this' },
  not_found: { zh: '未找到该记录', en: 'Not found' },
  conflict: { zh: '与现有记录冲突', en: 'Conflicts with an existing record' },
  'auth.locked': {
    zh: '连续登录失败次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many failed logins; the account is locked for a while',
  },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  internal: { zh: '系统内部错误，请联系管理员', en: 'Internal error; contact the administrator' },
  unavailable: { zh: '服务暂不可用', en: 'Service unavailable' },
};

/** The single application error: a typed code, a bilingual message a user can act on, located details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly text: LocalizedText;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, text?: Partial<LocalizedText>, details?: ErrorDetail[]) {
    const base = DEFAULT_MESSAGES[code];
    const merged = { zh: text?.zh ?? base.zh, en: text?.en ?? base.en };
    super(merged.en);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.text = merged;
    this.details = details;
  }
}

export function defaultMessage(code: ErrorCode): LocalizedText {
  return DEFAULT_MESSAGES[code];
}

/** Shorthand for a 400 naming one field. */
export function fieldError(path: string, code: string, message: LocalizedText): AppError {
  return new AppError('validation', undefined, [{ path, code, message }]);
}
