import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PageQuerySchema,
  PasswordResetSchema,
  UserCreateSchema,
  UserSchema,
  UserUpdateSchema,
} from '../../../core/accounts/accounts.schemas';
import { RoleSchema } from '../../../core/accounts/accounts.schemas';
import { errorResponses, IdParams, OkSchema } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { createUser, getUser, listUsers, resetPassword, unlockUser, updateUser } from './users.service';

const errors = errorResponses(400, 401, 403, 404, 409);

export const usersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表 List users (in scope)',
        querystring: PageQuerySchema.extend({
          q: z.string().max(64).optional(),
          role: RoleSchema.optional(),
        }),
        response: {
          200: z.object({ items: z.array(UserSchema), nextAfter: z.number().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listUsers(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '用户详情 Get a user',
        params: IdParams,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => getUser(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户 Create a user',
        body: UserCreateSchema,
        response: { 201: UserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await createUser(deps, requireActor(request), request.body);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户 Update a user',
        params: IdParams,
        body: UserUpdateSchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => updateUser(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: "重置密码 Reset a user's password",
        params: IdParams,
        body: PasswordResetSchema,
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await resetPassword(deps, requireActor(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: '解除锁定 Unlock a user',
        params: IdParams,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => unlockUser(deps, requireActor(request), request.params.id),
  );
};
