import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MeSchema, LoginRequestSchema, PasswordChangeSchema } from '../../../core/accounts/accounts.schemas';
import { checkPassword } from '../../../core/accounts/password-policy';
import { ErrorResponseSchema } from '../../../core/errors/errors';
import { errorResponses, OkSchema } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { SESSION_COOKIE, requireActor } from '../../plugins/auth';
import { getMe } from '../users/users.service';
import { changeOwnPassword, login, logout, logoutEverywhere } from './auth.service';

const errors = errorResponses(400, 401, 403, 423);

export const authRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.secureCookies,
  };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录 Log in',
        body: LoginRequestSchema,
        response: { 200: MeSchema, ...errors },
      },
      // Per client address; the per-account lockout is the main guard, this one slows password spraying.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, session } = await login(deps, {
        ...request.body,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      void reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return getMe(deps, session.actor, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录 Log out', response: { 200: OkSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await logout(deps, actor, request.session!.tokenHash);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: '退出所有设备 Log out everywhere',
        response: { 200: z.object({ ended: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const ended = await logoutEverywhere(deps, actor);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ended };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change own password',
        body: PasswordChangeSchema,
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await changeOwnPassword(deps, actor, request.session!.tokenHash, request.body, checkPassword);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: '当前用户 Current user',
        response: { 200: MeSchema, 401: ErrorResponseSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return getMe(deps, actor, request.session!.csrfToken);
    },
  );
};
