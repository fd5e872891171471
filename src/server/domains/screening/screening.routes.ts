import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LocalizedTextSchema } from '../../../core/errors/errors';
import {
  CampaignCreateSchema,
  DIFFICULTY_LEVELS,
  ScreeningInputSchema,
} from '../../../core/households/screening';
import { errorResponses } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import {
  campaignHousehold,
  campaignHouseholds,
  campaignProgress,
  closeCampaign,
  createCampaign,
  listCampaigns,
  recordScreening,
} from './screening.service';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['screening'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const Campaign = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  regionCode: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.string(),
});
const Area = z.object({ level: z.enum(DIFFICULTY_LEVELS), note: z.string().nullable().optional() });
const RecordSchema = z.object({
  id: z.number(),
  campaignId: z.number(),
  householdId: z.number(),
  headName: z.string(),
  regionCode: z.string(),
  screenedOn: z.string(),
  difficulties: z.object({
    industry: Area,
    employment: Area,
    medical: Area,
    schooling: Area,
    productSales: Area,
  }),
  incomeLoss: z.number(),
  atRisk: z.boolean(),
  reasons: z.array(LocalizedTextSchema),
  note: z.string().nullable(),
});

export const screeningRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/screening/campaigns',
    {
      schema: {
        tags,
        summary: '疫情排查 Campaigns',
        response: { 200: z.object({ items: z.array(Campaign) }), ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return listCampaigns(deps);
    },
  );
  app.post(
    '/api/screening/campaigns',
    {
      schema: {
        tags,
        summary: '发起排查 Open a campaign (office)',
        body: CampaignCreateSchema,
        response: { 201: Campaign, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCampaign(deps, requireActor(request), request.body)),
  );
  app.post(
    '/api/screening/campaigns/:id/close',
    {
      schema: {
        tags,
        summary: '结束排查 Close a campaign',
        params: Id,
        response: { 200: Campaign, ...errors },
      },
    },
    async (request) => closeCampaign(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/api/screening/campaigns/:id/progress',
    {
      schema: {
        tags,
        summary: '排查进度 Progress per town (scoped)',
        params: Id,
        response: {
          200: z.object({
            campaign: Campaign,
            towns: z.array(
              z.object({
                townCode: z.string(),
                townName: z.string().nullable(),
                households: z.number(),
                screened: z.number(),
                atRisk: z.number(),
              }),
            ),
            villages: z.array(
              z.object({
                regionCode: z.string(),
                regionName: z.string().nullable(),
                households: z.number(),
                screened: z.number(),
                atRisk: z.number(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => campaignProgress(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/api/screening/campaigns/:id/households',
    {
      schema: {
        tags,
        summary: '排查清单 Households pending, screened or at risk (scoped)',
        params: Id,
        querystring: z.object({
          status: z.enum(['pending', 'screened', 'atRisk']).default('pending'),
          /** The head's name (from its start) or the household number. */
          q: z.string().trim().max(50).optional(),
          /** A town or village inside the campaign (and the actor's scope). */
          regionCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
          after: z.coerce.number().int().nonnegative().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                householdId: z.number(),
                headName: z.string(),
                householdNo: z.string().nullable(),
                regionCode: z.string(),
                record: RecordSchema.nullable(),
              }),
            ),
            nextAfter: z.number().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => campaignHouseholds(deps, requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/api/screening/campaigns/:id/households/:householdId',
    {
      schema: {
        tags,
        summary: '一户的排查 One household of the campaign and its screening (scoped)',
        params: Id.extend({ householdId: z.coerce.number().int().positive() }),
        response: {
          200: z.object({
            householdId: z.number(),
            headName: z.string(),
            householdNo: z.string().nullable(),
            regionCode: z.string(),
            size: z.number(),
            record: RecordSchema.nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      campaignHousehold(deps, requireActor(request), request.params.id, request.params.householdId),
  );
  app.put(
    '/api/screening/campaigns/:id/households/:householdId',
    {
      schema: {
        tags,
        summary: '登记排查结果 Record a household’s screening (phone form)',
        params: Id.extend({ householdId: z.coerce.number().int().positive() }),
        body: ScreeningInputSchema,
        response: { 200: RecordSchema, ...errors },
      },
    },
    async (request) =>
      recordScreening(
        deps,
        requireActor(request),
        request.params.id,
        request.params.householdId,
        request.body,
      ),
  );
};
