import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ProgressQuerySchema,
  ProgressRecordsQuerySchema,
  ProgressRecordsResponseSchema,
  ProgressResponseSchema,
  UnitReportingQuerySchema,
  UnitReportingResponseSchema,
} from '../../../core/progress/progress.schemas';
import { errorResponses } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { indicatorRecords, planProgress } from './progress.service';
import { unitReporting } from './reporting.service';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['progress'];

export const progressRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/progress',
    {
      schema: {
        tags,
        summary: '指标进度 Every indicator of a plan at a date',
        querystring: ProgressQuerySchema,
        response: { 200: ProgressResponseSchema, ...errors },
      },
    },
    async (request) => planProgress(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/progress/reporting',
    {
      schema: {
        tags,
        summary: '各单位填报情况 Records each unit dated in a period (counts only)',
        querystring: UnitReportingQuerySchema,
        response: { 200: UnitReportingResponseSchema, ...errors },
      },
    },
    async (request) => unitReporting(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/progress/:indicatorId/records',
    {
      schema: {
        tags,
        summary: '指标依据记录 The records behind an indicator figure',
        params: z.object({ indicatorId: z.coerce.number().int().positive() }),
        querystring: ProgressRecordsQuerySchema,
        response: { 200: ProgressRecordsResponseSchema, ...errors },
      },
    },
    async (request) =>
      indicatorRecords(deps, requireActor(request), request.params.indicatorId, request.query),
  );
};
