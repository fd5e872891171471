import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../core/errors/errors';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { listAudit } from './audit.service';
import { AuditEntrySchema, AuditQuerySchema } from '../../../core/audit/audit.schemas';

/** 操作日志: the office and leaders browse who changed what; nobody can change it through the API. */
export const auditRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '操作日志 Browse the audit log',
        querystring: AuditQuerySchema,
        response: {
          200: z.object({ items: z.array(AuditEntrySchema), nextBefore: z.number().nullable() }),
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      return listAudit(deps, requireActor(request), request.query);
    },
  );
};
