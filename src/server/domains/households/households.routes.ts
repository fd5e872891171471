import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  HouseholdCreateSchema,
  HouseholdDetailSchema,
  HouseholdListQuerySchema,
  HouseholdSummarySchema,
  HouseholdUpdateSchema,
  HouseholdYearInputSchema,
  HouseholdYearSchema,
  MeasureInputSchema,
  MeasureSchema,
  MeasureUpdateSchema,
  MemberInputSchema,
  MemberLeaveSchema,
  MemberUpdateSchema,
  TimelineEntrySchema,
} from '../../../core/households/households.schemas';
import { YearConfigSchema } from '../../../core/monitoring/config';
import { errorResponses } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { createHousehold, getHousehold, listHouseholds, updateHousehold } from './households.service';
import { addMember, memberLeaves, revealMemberPii, updateMember } from './members.service';
import { addMeasure, listMeasures, timeline, updateMeasure } from './measures.service';
import {
  deepDifficultySummary,
  getHouseholdYear,
  getYearConfig,
  listYearConfigs,
  putHouseholdYear,
  putYearConfig,
  reevaluate,
  watchList,
} from './monitoring.service';

const Id = z.object({ id: z.coerce.number().int().positive() });
const IdMember = Id.extend({ memberId: z.coerce.number().int().positive() });
const IdYear = Id.extend({ year: z.coerce.number().int().min(2000).max(2100) });
const Year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['households'];

export const householdsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/households',
    {
      schema: {
        tags,
        summary: '困难家庭列表 List households (scoped, filtered, keyset)',
        querystring: HouseholdListQuerySchema,
        response: {
          200: z.object({ items: z.array(HouseholdSummarySchema), nextAfter: z.number().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listHouseholds(deps, requireActor(request), request.query),
  );

  app.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: '登记家庭 Register a household with its members',
        body: HouseholdCreateSchema,
        response: { 201: HouseholdDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createHousehold(deps, requireActor(request), request.body)),
  );

  app.get(
    '/api/households/watch-list',
    {
      schema: {
        tags,
        summary: '各镇监测预警清单 Watch list per town',
        querystring: Year,
        response: {
          200: z.object({
            year: z.number(),
            towns: z.array(
              z.object({
                townCode: z.string(),
                townName: z.string().nullable(),
                households: z.number(),
                evaluated: z.number(),
                flagged: z.number(),
                monitored: z.number(),
                flaggedNotMonitored: z.number(),
                byRule: z.record(z.string(), z.number()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => watchList(deps, requireActor(request), request.query.year),
  );

  app.get(
    '/api/households/deep-difficulty',
    {
      schema: {
        tags,
        summary: '深度困难群体 R12 groups and households still without a targeted measure',
        querystring: z.object({
          regionCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
        response: {
          200: z.object({
            groups: z.array(
              z.object({
                group: z.string(),
                labelZh: z.string(),
                households: z.number(),
                members: z.number(),
                withoutMeasure: z.number(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => deepDifficultySummary(deps, requireActor(request), request.query.regionCode),
  );

  app.post(
    '/api/households/re-evaluate',
    {
      schema: {
        tags,
        summary: '批量重新评估 Re-evaluate every household of a year',
        body: Year,
        response: {
          200: z.object({ year: z.number(), evaluated: z.number(), flagged: z.number(), ms: z.number() }),
          ...errors,
        },
      },
    },
    async (request) => reevaluate(deps, requireActor(request), request.body.year),
  );

  app.get(
    '/api/monitoring/year-configs',
    {
      schema: {
        tags,
        summary: '已设置的年度监测参数 Every configured year, newest first',
        response: { 200: z.object({ items: z.array(YearConfigSchema) }), ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await listYearConfigs(deps) };
    },
  );

  app.get(
    '/api/monitoring/year-configs/:year',
    {
      schema: {
        tags,
        summary: '年度监测参数 Year thresholds',
        params: Year,
        response: { 200: YearConfigSchema, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return getYearConfig(deps, request.params.year);
    },
  );

  app.put(
    '/api/monitoring/year-configs/:year',
    {
      schema: {
        tags,
        summary: '设置年度监测参数 Set year thresholds (re-evaluates the year)',
        params: Year,
        body: YearConfigSchema,
        response: {
          200: z.object({ config: YearConfigSchema, reevaluated: z.number(), flagged: z.number() }),
          ...errors,
        },
      },
    },
    async (request) => putYearConfig(deps, requireActor(request), request.params.year, request.body),
  );

  app.get(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: '家庭详情 Household with members',
        params: Id,
        response: { 200: HouseholdDetailSchema, ...errors },
      },
    },
    async (request) => getHousehold(deps, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: '修改家庭 Update a household',
        params: Id,
        body: HouseholdUpdateSchema,
        response: { 200: HouseholdDetailSchema, ...errors },
      },
    },
    async (request) => updateHousehold(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/households/:id/members',
    {
      schema: {
        tags,
        summary: '新增成员 Add a member',
        params: Id,
        body: MemberInputSchema,
        response: { 201: HouseholdDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(deps, requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/households/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: '修改成员 Update a member',
        params: IdMember,
        body: MemberUpdateSchema,
        response: { 200: HouseholdDetailSchema, ...errors },
      },
    },
    async (request) =>
      updateMember(deps, requireActor(request), request.params.id, request.params.memberId, request.body),
  );

  app.post(
    '/api/households/:id/members/:memberId/leave',
    {
      schema: {
        tags,
        summary: '成员移出 A member leaves (kept, marked inactive)',
        params: IdMember,
        body: MemberLeaveSchema,
        response: { 200: HouseholdDetailSchema, ...errors },
      },
    },
    async (request) =>
      memberLeaves(
        deps,
        requireActor(request),
        request.params.id,
        request.params.memberId,
        request.body.reason,
      ),
  );

  app.post(
    '/api/households/:id/members/:memberId/reveal',
    {
      schema: {
        tags,
        summary: '查看完整证件号/电话 Reveal a full ID number or phone (logged)',
        params: IdMember,
        body: z.object({ field: z.enum(['idNumber', 'phone']), purpose: z.string().trim().min(2).max(200) }),
        response: { 200: z.object({ value: z.string().nullable() }), ...errors },
      },
    },
    async (request) =>
      revealMemberPii(
        deps,
        requireActor(request),
        request.params.id,
        request.params.memberId,
        request.body.field,
        request.body.purpose,
      ),
  );

  app.get(
    '/api/households/:id/years/:year',
    {
      schema: {
        tags,
        summary: '年度收支与评估 Economics, assessment and flags of a year',
        params: IdYear,
        response: { 200: HouseholdYearSchema, ...errors },
      },
    },
    async (request) => getHouseholdYear(deps, requireActor(request), request.params.id, request.params.year),
  );

  app.put(
    '/api/households/:id/years/:year',
    {
      schema: {
        tags,
        summary: '录入年度收支 Record a year (re-evaluated at once)',
        params: IdYear,
        body: HouseholdYearInputSchema,
        response: { 200: HouseholdYearSchema, ...errors },
      },
    },
    async (request) =>
      putHouseholdYear(deps, requireActor(request), request.params.id, request.params.year, request.body),
  );

  app.get(
    '/api/households/:id/measures',
    {
      schema: {
        tags,
        summary: '帮扶措施 Measures',
        params: Id,
        response: { 200: z.object({ items: z.array(MeasureSchema) }), ...errors },
      },
    },
    async (request) => listMeasures(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/households/:id/measures',
    {
      schema: {
        tags,
        summary: '新增帮扶措施 Add a measure',
        params: Id,
        body: MeasureInputSchema,
        response: { 201: MeasureSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMeasure(deps, requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/households/:id/measures/:measureId',
    {
      schema: {
        tags,
        summary: '修改帮扶措施 Update a measure (e.g. its outcome)',
        params: Id.extend({ measureId: z.coerce.number().int().positive() }),
        body: MeasureUpdateSchema,
        response: { 200: MeasureSchema, ...errors },
      },
    },
    async (request) =>
      updateMeasure(deps, requireActor(request), request.params.id, request.params.measureId, request.body),
  );

  app.get(
    '/api/households/:id/timeline',
    {
      schema: {
        tags,
        summary: '时间线 Timeline',
        params: Id,
        response: { 200: z.object({ items: z.array(TimelineEntrySchema) }), ...errors },
      },
    },
    async (request) => timeline(deps, requireActor(request), request.params.id),
  );
};
