import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LedgerEntryInputSchema,
  LedgerEntrySchema,
  UnitPlanDetailSchema,
  UnitPlanInputSchema,
  UnitPlanSchema,
} from '../../../core/plan/unit-plan.schemas';
import { errorResponses, IdParams, OkSchema } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import {
  addLedgerEntry,
  deleteLedgerEntry,
  getUnitPlan,
  listUnitPlans,
  putUnitPlan,
  updateLedgerEntry,
} from './unit-plans.service';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['unit-plans'];
const PlanParams = z.object({
  unitId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const unitPlansRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/unit-plans',
    {
      schema: {
        tags,
        summary: '成员单位帮扶计划 Unit plans of a year, with ledger totals',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ items: z.array(UnitPlanSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listUnitPlans(deps, requireActor(request), request.query.year) }),
  );

  app.get(
    '/api/unit-plans/:unitId/:year',
    {
      schema: {
        tags,
        summary: '单位帮扶计划和台账 A unit plan with its ledger',
        params: PlanParams,
        response: { 200: UnitPlanDetailSchema, ...errors },
      },
    },
    async (request) => getUnitPlan(deps, requireActor(request), request.params.unitId, request.params.year),
  );

  app.put(
    '/api/unit-plans/:unitId/:year',
    {
      schema: {
        tags,
        summary: '填写帮扶计划 Create or replace a unit plan',
        params: PlanParams,
        body: UnitPlanInputSchema,
        response: { 200: UnitPlanDetailSchema, ...errors },
      },
    },
    async (request) =>
      putUnitPlan(deps, requireActor(request), request.params.unitId, request.params.year, request.body),
  );

  app.post(
    '/api/unit-plans/:unitId/:year/entries',
    {
      schema: {
        tags,
        summary: '新增台账条目 Add a ledger entry',
        params: PlanParams,
        body: LedgerEntryInputSchema,
        response: { 201: LedgerEntrySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addLedgerEntry(
            deps,
            requireActor(request),
            request.params.unitId,
            request.params.year,
            request.body,
          ),
        ),
  );

  app.put(
    '/api/ledger-entries/:id',
    {
      schema: {
        tags,
        summary: '修改台账条目 Replace a ledger entry',
        params: IdParams,
        body: LedgerEntryInputSchema,
        response: { 200: LedgerEntrySchema, ...errors },
      },
    },
    async (request) => updateLedgerEntry(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/ledger-entries/:id',
    {
      schema: {
        tags,
        summary: '删除台账条目 Delete a ledger entry',
        params: IdParams,
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await deleteLedgerEntry(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
};
