import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HouseholdListQuerySchema } from '../../../core/households/households.schemas';
import { EconomicsImportJobSchema, LedgerImportJobSchema } from '../../../core/households/imports.schemas';
import { errorResponses } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { contentDisposition } from '../../storage/uploads';
import { exportEconomics } from './economics-export.service';
import { exportHouseholds, importTemplate } from './export.service';
import { getJob, presentJob, startJob } from './import.jobs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = errorResponses(400, 401, 403, 404);
const tags = ['households'];
const DryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });
const JobParams = z.object({ jobId: z.string().uuid() });

export const registryImportRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.addContentTypeParser(
    [XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 200 * 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/households/import-template.xlsx',
    { schema: { tags, summary: '导入模板 The ledger import template (Chinese headers)' } },
    async (request, reply) => {
      requireActor(request);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('困难家庭花名册导入模板.xlsx'))
        .send(await importTemplate());
    },
  );

  app.post(
    '/api/households/imports',
    {
      schema: {
        tags,
        summary: '导入台账 Import an .xlsx ledger (raw body); dryRun=true validates only',
        querystring: DryRunQuery,
        response: { 202: LedgerImportJobSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const job = await startJob(deps, actor, bodyOf(request), request.query.dryRun === 'true', 'households');
      return reply.status(202).send(presentJob(job));
    },
  );

  app.get(
    '/api/households/imports/:jobId',
    {
      // Answers while an import's transaction holds PGlite's connection (the progress bar follows it).
      config: { sessionFromMemory: true },
      schema: {
        tags,
        summary: '导入进度 Import progress and report',
        params: JobParams,
        response: { 200: LedgerImportJobSchema, ...errors },
      },
    },
    async (request) => presentJob(getJob(requireActor(request), request.params.jobId, 'households')),
  );

  app.get(
    '/api/households/export.xlsx',
    {
      schema: {
        tags,
        summary:
          '导出 Export the filtered list as .xlsx (ID numbers masked unless unmask=true is allowed; logged)',
        querystring: HouseholdListQuerySchema.omit({ limit: true, after: true }).extend({
          unmask: z.enum(['true', 'false']).default('false'),
          purpose: z.string().trim().max(200).optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { unmask, purpose, ...query } = request.query;
      const stream = exportHouseholds(deps, actor, query, { unmask: unmask === 'true', purpose });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('困难家庭花名册.xlsx'))
        .send(stream);
    },
  );

  app.get(
    '/api/households/economics.xlsx',
    {
      schema: {
        tags,
        summary:
          '收支台账 The yearly income-and-expenditure ledger of the filtered households (also the import template)',
        querystring: HouseholdListQuerySchema.omit({ limit: true, after: true, year: true }).extend({
          year: z.coerce.number().int().min(2000).max(2100),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { year, ...query } = request.query;
      const stream = exportEconomics(deps, actor, year, query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(`家庭收支台账-${year}.xlsx`))
        .send(stream);
    },
  );

  app.post(
    '/api/households/economics-imports',
    {
      schema: {
        tags,
        summary:
          '导入收支台账 Import the yearly income-and-expenditure ledger (.xlsx raw body); dryRun=true validates only',
        querystring: DryRunQuery,
        response: { 202: EconomicsImportJobSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const job = await startJob(deps, actor, bodyOf(request), request.query.dryRun === 'true', 'economics');
      return reply.status(202).send(presentJob(job));
    },
  );

  app.get(
    '/api/households/economics-imports/:jobId',
    {
      // Answers while an import's transaction holds PGlite's connection (the progress bar follows it).
      config: { sessionFromMemory: true },
      schema: {
        tags,
        summary: '收支导入进度 Economics import progress and report',
        params: JobParams,
        response: { 200: EconomicsImportJobSchema, ...errors },
      },
    },
    async (request) => presentJob(getJob(requireActor(request), request.params.jobId, 'economics')),
  );
};

const bodyOf = (request: FastifyRequest): Buffer =>
  Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
