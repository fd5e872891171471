import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  ActivityInputSchema,
  ActivityListQuerySchema,
  ActivitySchema,
} from '../../../core/activities/activities.schemas';
import { LocalizedTextSchema } from '../../../core/errors/errors';
import { errorResponses, IdParams, OkSchema } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { acceptRawUploads, contentDisposition, rawUpload } from '../../storage/uploads';
import { addEvidence, evidenceFile } from './activities.evidence';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  revealPersonId,
  updateActivity,
} from './activities.service';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['activities'];

export const activitiesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // Evidence files arrive as the raw file body (scoped to this plugin).
  acceptRawUploads(app);

  app.get(
    '/api/activity-types',
    {
      schema: {
        tags,
        summary: '记录类型 Activity record types',
        response: {
          200: z.object({ items: z.array(z.object({ type: z.string(), label: LocalizedTextSchema })) }),
          ...errors,
        },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: ACTIVITY_TYPES.map((type) => ({ type, label: ACTIVITY_TYPE_LABELS[type] })) };
    },
  );

  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: '帮扶活动记录 List activity records (in scope, newest first)',
        querystring: ActivityListQuerySchema,
        response: {
          200: z.object({ items: z.array(ActivitySchema), nextAfter: z.number().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listActivities(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: '记录详情 Get a record',
        params: IdParams,
        response: { 200: ActivitySchema, ...errors },
      },
    },
    async (request) => getActivity(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/activities',
    {
      schema: {
        tags,
        summary: '新增记录 Record an activity',
        body: ActivityInputSchema,
        response: { 201: ActivitySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createActivity(deps, requireActor(request), request.body)),
  );

  app.put(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: '修改记录 Replace a record',
        params: IdParams,
        body: ActivityInputSchema,
        response: { 200: ActivitySchema, ...errors },
      },
    },
    async (request) => updateActivity(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: '删除记录 Delete a record',
        params: IdParams,
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await deleteActivity(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/activities/:id/id-number',
    {
      schema: {
        tags,
        summary: '查看完整身份证号（记录日志） Full ID number of the named person (office only, logged)',
        params: IdParams,
        querystring: z.object({ purpose: z.string().trim().min(2).max(200) }),
        response: { 200: z.object({ idNumber: z.string() }), ...errors },
      },
    },
    async (request) => revealPersonId(deps, requireActor(request), request.params.id, request.query.purpose),
  );

  app.post(
    '/api/activities/:id/evidence',
    {
      schema: {
        tags,
        summary:
          '上传佐证材料 Upload an evidence file (raw body: PDF, JPEG or PNG, at most 10 MB; same rights as editing the record)',
        params: IdParams,
        querystring: z.object({ fileName: z.string().trim().min(1).max(200) }),
        response: { 201: ActivitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const out = await addEvidence(deps, actor, request.params.id, {
        fileName: request.query.fileName,
        ...rawUpload(request),
      });
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/api/activities/:id/evidence/:uuid',
    {
      schema: {
        tags,
        summary: '下载佐证材料（记录日志） Download an evidence file (logged)',
        params: IdParams.extend({ uuid: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await evidenceFile(deps, requireActor(request), request.params.id, request.params.uuid);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.data);
    },
  );
};
