import type { ErrorDetail, ErrorResponse, LocalizedText } from '../../core/errors/errors';
import { pick, type Lang } from '../i18n/lang';

/** The API's one error shape, parsed: a typed code, a bilingual message and located details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorResponse['error']) {
    super(body.message.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.text = body.message;
    this.details = body.details ?? [];
    this.requestId = body.requestId;
  }

  /** The message in the interface language. */
  messageIn(lang: Lang): string {
    return pick(this.text, lang);
  }
}

function isLocalizedText(value: unknown): value is LocalizedText {
  const v = value as LocalizedText | null;
  return typeof v === 'object' && v !== null && typeof v.zh === 'string' && typeof v.en === 'string';
}

/** Narrows an unknown JSON body to the API's error shape. */
export function isErrorResponse(value: unknown): value is ErrorResponse {
  const error = (value as Partial<ErrorResponse> | null)?.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    isLocalizedText(error.message)
  );
}

/** An error for when the server could not be reached or answered something that is not JSON. */
export function transportError(status: number, cause: 'network' | 'unexpected'): ApiError {
  const message: LocalizedText =
    cause === 'network'
      ? { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the network and retry' }
      : { zh: `服务器返回了意外的响应（${status}）`, en: `Unexpected response from the server (${status})` };
  return new ApiError(status, { code: cause, message });
}

/** Turns anything thrown into a message in the interface language. */
export function errorMessage(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) return error.messageIn(lang);
  if (error instanceof Error) return error.message;
  return String(error);
}
