import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, defaultMessage, type ErrorDetail, type ErrorResponse } from '../../core/errors/errors';

function issuePath(instancePath: string, params: unknown): string {
  const fromInstance = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = (params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path;
  if (fromInstance) return fromInstance;
  return Array.isArray(missing) ? missing.join('.') : '';
}

/**
 * What of an unexpected error may be logged: database errors (drizzle's "Failed query: …\nparams: …")
 * carry the bound parameters, which can be names or ciphertext, so everything from "params:" on is cut
 * from the message and the stack; the driver's SQLSTATE code is kept.
 */
export function redactError(err: Error & { code?: unknown; cause?: unknown }) {
  const cut = (text: string | undefined) =>
    text?.replace(/\nparams:[\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]');
  const cause = err.cause as { code?: unknown; message?: string } | undefined;
  return {
    name: err.name,
    message: cut(err.message),
    stack: cut(err.stack),
    code: err.code ?? cause?.code,
  };
}

/** Translates every thrown error into the one JSON error shape; never leaks internals or personal data. */
export const errorsPlugin = fp(async (app: FastifyInstance, opts: { spaFallback?: boolean }) => {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    const requestId = request.id;
    let body: ErrorResponse;
    let status: number;
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.text, details: err.details, requestId } };
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const details: ErrorDetail[] = err.validation.map((v) => {
        const path = issuePath(v.instancePath, v.params);
        return {
          path: where === 'body' ? path : `${where}.${path}`,
          code: `validation.${v.keyword}`,
          message: { zh: v.message ?? '无效', en: v.message ?? 'invalid' },
        };
      });
      body = { error: { code: 'validation', message: defaultMessage('validation'), details, requestId } };
    } else if (isResponseSerializationError(err)) {
      request.log.error(
        { err: { message: err.message, method: err.method, url: err.url } },
        'response serialization failed',
      );
      status = 500;
      body = { error: { code: 'internal', message: defaultMessage('internal'), requestId } };
    } else if (err.statusCode === 429) {
      status = 429;
      body = { error: { code: 'rate_limited', message: defaultMessage('rate_limited'), requestId } };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type…).
      status = err.statusCode;
      const code = status === 404 ? 'not_found' : status === 413 ? 'bad_request' : 'bad_request';
      body = {
        error: {
          code,
          message: { zh: `${defaultMessage(code).zh}（${err.code ?? status}）`, en: err.message },
          requestId,
        },
      };
    } else {
      // Request bodies and query parameters may hold personal data: log the error without them.
      request.log.error({ err: redactError(err) }, 'unhandled error');
      status = 500;
      body = { error: { code: 'internal', message: defaultMessage('internal'), requestId } };
    }
    void reply.status(status).send(body);
  });

  // The one not-found handler: when the web app is served, client-side routes (any non-API GET)
  // get the app shell; everything else gets the JSON 404.
  app.setNotFoundHandler((request, reply) => {
    if (opts.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'not_found', message: { zh: '接口不存在', en: 'No such route' }, requestId: request.id },
    });
  });
});
