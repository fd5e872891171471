import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ExtractRequestSchema,
  ExtractResponseSchema,
  IndicatorCreateSchema,
  IndicatorSchema,
  IndicatorUpdateSchema,
  ManualValueInputSchema,
  ManualValueSchema,
  PlanCreateSchema,
  PlanSchema,
  PlanSummarySchema,
  PlanUpdateSchema,
} from '../../../core/plan/plan-model.schemas';
import { errorResponses, IdParams, OkSchema } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import {
  addManualValue,
  createIndicator,
  createPlan,
  deleteIndicator,
  extractDraft,
  getIndicator,
  getPlan,
  listManualValues,
  listPlans,
  updateIndicator,
  updatePlan,
} from './plans.service';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['plans'];

export const plansRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/plans/extract',
    {
      schema: {
        tags,
        summary: '识别工作要点 Extract a draft plan from pasted text (nothing is saved)',
        body: ExtractRequestSchema,
        response: { 200: ExtractResponseSchema, ...errors },
      },
    },
    async (request) => extractDraft(requireActor(request), request.body),
  );

  app.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: '年度工作要点列表 List plans',
        response: { 200: z.object({ items: z.array(PlanSummarySchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listPlans(deps, requireActor(request)) }),
  );

  app.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary: '保存确认后的工作要点 Save a confirmed plan',
        body: PlanCreateSchema,
        response: { 201: PlanSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPlan(deps, requireActor(request), request.body)),
  );

  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: '工作要点详情 Get a plan',
        params: IdParams,
        response: { 200: PlanSchema, ...errors },
      },
    },
    async (request) => getPlan(deps, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: '修改工作要点 Update a plan',
        params: IdParams,
        body: PlanUpdateSchema,
        response: { 200: PlanSchema, ...errors },
      },
    },
    async (request) => updatePlan(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/indicators',
    {
      schema: {
        tags,
        summary: '新增指标 Add an indicator',
        params: IdParams,
        body: IndicatorCreateSchema,
        response: { 201: IndicatorSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createIndicator(deps, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/indicators/:id',
    {
      schema: {
        tags,
        summary: '指标详情 Get an indicator',
        params: IdParams,
        response: { 200: IndicatorSchema, ...errors },
      },
    },
    async (request) => getIndicator(deps, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/indicators/:id',
    {
      schema: {
        tags,
        summary: '修改指标 Update an indicator',
        params: IdParams,
        body: IndicatorUpdateSchema,
        response: { 200: IndicatorSchema, ...errors },
      },
    },
    async (request) => updateIndicator(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/indicators/:id',
    {
      schema: {
        tags,
        summary: '删除指标 Delete an indicator',
        params: IdParams,
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await deleteIndicator(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/indicators/:id/manual-values',
    {
      schema: {
        tags,
        summary: '手工填报值 Manual figures of an indicator',
        params: IdParams,
        response: { 200: z.object({ items: z.array(ManualValueSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listManualValues(deps, requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/indicators/:id/manual-values',
    {
      schema: {
        tags,
        summary: '填报数值（附佐证） Add a manual figure with evidence',
        params: IdParams,
        body: ManualValueInputSchema,
        response: { 201: ManualValueSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addManualValue(deps, requireActor(request), request.params.id, request.body)),
  );
};
