import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RegionCreateSchema,
  RegionImportResultSchema,
  RegionImportSchema,
  RegionSchema,
  RegionTreeSchema,
  RegionUpdateSchema,
} from '../../../core/region/region.schemas';
import { errorResponses } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { createRegion, getRegion, importRegions, listRegions, updateRegion } from './regions.service';

const CodeParams = z.object({ code: z.string().regex(/^\d{12}$/) });
const errors = errorResponses(400, 401, 403, 404, 409);

export const regionsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: '区划列表 Regions of a tree (in scope)',
        querystring: z.object({
          tree: RegionTreeSchema.default('district'),
          parentCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(RegionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listRegions(deps, requireActor(request), request.query) }),
  );
  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: '区划详情 Get a region',
        params: CodeParams,
        response: { 200: RegionSchema, ...errors },
      },
    },
    async (request) => getRegion(deps, requireActor(request), request.params.code),
  );
  app.post(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: '新建区划 Create a region',
        body: RegionCreateSchema,
        response: { 201: RegionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRegion(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: '修改区划 Update a region',
        params: CodeParams,
        body: RegionUpdateSchema,
        response: { 200: RegionSchema, ...errors },
      },
    },
    async (request) => updateRegion(deps, requireActor(request), request.params.code, request.body),
  );
  app.post(
    '/api/regions/import',
    {
      schema: {
        tags: ['regions'],
        summary: '导入区划 Import regions from CSV (all or nothing)',
        body: RegionImportSchema,
        response: { 200: RegionImportResultSchema, ...errors },
      },
    },
    async (request) => importRegions(deps, requireActor(request), request.body),
  );
};
