import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitCreateSchema, UnitSchema, UnitUpdateSchema } from '../../../core/accounts/accounts.schemas';
import { errorResponses } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { createUnit, listUnits, updateUnit } from './units.service';

const errors = errorResponses(400, 401, 403, 404, 409);

export const unitsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: '单位列表 List units',
        response: { 200: z.object({ items: z.array(UnitSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listUnits(deps, requireActor(request)) }),
  );
  app.post(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: '新建单位 Create a unit',
        body: UnitCreateSchema,
        response: { 201: UnitSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUnit(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: '修改单位 Update a unit',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: UnitUpdateSchema,
        response: { 200: UnitSchema, ...errors },
      },
    },
    async (request) => updateUnit(deps, requireActor(request), request.params.id, request.body),
  );
};
