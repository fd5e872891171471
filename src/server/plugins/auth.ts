import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../core/accounts/scope';
import type { Role } from '../../core/accounts/roles';
import { AppError } from '../../core/errors/errors';
import { resolveSession, type SessionInfo } from '../domains/auth/auth.service';
import type { Deps } from '../deps';

export const SESSION_COOKIE = 'bangfu_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /**
     * The route may be authenticated from a session this process checked against the database however
     * long ago (within idle expiry), as long as it has not ended (SessionCache; PGlite only). For the
     * import progress polls, which must answer while the import's transaction holds PGlite's connection.
     */
    sessionFromMemory?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that answer without a session (everything else under /api/ is denied by default). */
const PUBLIC_PATHS = new Set(['/api/auth/login', '/api/health', '/api/demo']);
const isPublic = (path: string) =>
  PUBLIC_PATHS.has(path) || path === '/api/docs' || path.startsWith('/api/docs/');

/**
 * Resolves the session cookie on every API request and enforces the CSRF token on every mutation:
 * the token lives in the session row and must come back in the `x-csrf-token` header.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { deps: Deps }) => {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);

  // onRequest, so an anonymous or forged request is refused before its body is even parsed or validated.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(
        opts.deps,
        token,
        request.routeOptions.config.sessionFromMemory ? { maxCacheAgeMs: Infinity } : {},
      );
      if (resolved === 'expired') request.sessionExpired = true;
      else if (resolved) {
        resolved.actor.requestId = request.id;
        request.session = resolved;
      }
    }
    const path = request.url.split('?')[0]!;
    if (isPublic(path)) return;
    if (!request.session)
      throw new AppError(request.sessionExpired ? 'auth.session_expired' : 'auth.required');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== request.session.csrfToken) throw new AppError('auth.csrf');
    }
  });
});

/** The authenticated actor, or a 401 that says whether the session expired. */
export function requireActor(request: FastifyRequest, roles?: readonly Role[]): Actor {
  if (!request.session) throw new AppError(request.sessionExpired ? 'auth.session_expired' : 'auth.required');
  const actor = request.session.actor;
  if (roles && !roles.includes(actor.role)) throw new AppError('forbidden');
  return actor;
}
