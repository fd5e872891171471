import { ApiError, isErrorResponse, transportError } from './ApiError';

/** Codes that mean "you are not logged in (any more)": the app goes to the login page. */
export type UnauthorizedCode = 'auth.required' | 'auth.session_expired';

let csrfToken: string | null = null;
let unauthorizedHandler: ((code: UnauthorizedCode) => void) | null = null;

/** The CSRF token of the current session (from `GET /api/me` or the login answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Installed once by the app: called when a request answers 401 with a session code. */
export function setUnauthorizedHandler(handler: ((code: UnauthorizedCode) => void) | null): void {
  unauthorizedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Do not send the user to the login page on `auth.required` (the session probe at start-up and
   * the login form handle that themselves). An expired session always goes to the login page.
   */
  quietUnauthorized?: boolean;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The one way the web app talks to the API: same-origin cookies, the CSRF header on every mutation,
 * and every failure turned into an `ApiError`.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(
    path,
    method,
    headers,
    options.body === undefined ? undefined : JSON.stringify(options.body),
    options,
  );
}

export interface UploadOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/**
 * Posts a file as the raw request body (uploads: PDF, JPEG, PNG…), with the session's CSRF header and
 * the same error handling as `apiRequest`. The content type is the file's own (octet-stream if unknown).
 */
export async function apiPostRaw<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': file.type || 'application/octet-stream',
  };
  return send<T>(path, 'POST', headers, file, options);
}

async function send<T>(
  path: string,
  method: NonNullable<RequestOptions['method']>,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  options: Pick<RequestOptions, 'query' | 'signal' | 'quietUnauthorized'>,
): Promise<T> {
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw transportError(0, 'network');
  }

  let parsed: unknown = null;
  const text = await response.text();
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw transportError(response.status, 'unexpected');
    }
  }
  if (response.ok) return parsed as T;

  const error = isErrorResponse(parsed)
    ? new ApiError(response.status, parsed.error)
    : transportError(response.status, 'unexpected');
  if (response.status === 401 && (error.code === 'auth.required' || error.code === 'auth.session_expired')) {
    csrfToken = null;
    if (error.code === 'auth.session_expired' || !options.quietUnauthorized)
      unauthorizedHandler?.(error.code);
  }
  throw error;
}
