import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseDeadlinesSchema } from '../../../core/households/case-machine';
import {
  AttachmentKindSchema,
  CaseActionInputSchema,
  CaseCreateSchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseSummarySchema,
} from '../../../core/households/cases.schemas';
import { errorResponses } from '../../plugins/route-schemas';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/auth';
import { acceptRawUploads, contentDisposition, rawUpload } from '../../storage/uploads';
import { caseNotice, downloadAttachment, noticeDocx, noticeText, uploadAttachment } from './cases.documents';
import { act } from './cases.actions';
import { getCase, listCases, loadDeadlines, openCase, putDeadlines, workQueue } from './cases.service';

const Id = z.object({ id: z.coerce.number().int().positive() });
const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['cases'];
const Page = z.object({ items: z.array(CaseSummarySchema), nextAfter: z.number().nullable() });

export const casesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // Attachments arrive as the raw file body (scoped to this plugin).
  acceptRawUploads(app);

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '动态调整案件 List cases (scoped)',
        querystring: CaseListQuerySchema,
        response: { 200: Page, ...errors },
      },
    },
    async (request) => listCases(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/cases/queue',
    {
      schema: {
        tags,
        summary: '待办 Work queue: cases where my role has the next step',
        response: { 200: z.object({ items: z.array(CaseSummarySchema) }), ...errors },
      },
    },
    async (request) => workQueue(deps, requireActor(request)),
  );

  app.get(
    '/api/cases/deadlines',
    {
      schema: {
        tags,
        summary: '办理时限 Procedure deadlines',
        response: { 200: CaseDeadlinesSchema, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return loadDeadlines(deps.db);
    },
  );

  app.put(
    '/api/cases/deadlines',
    {
      schema: {
        tags,
        summary: '设置办理时限 Set the deadlines (new cases)',
        body: CaseDeadlinesSchema,
        response: { 200: CaseDeadlinesSchema, ...errors },
      },
    },
    async (request) => putDeadlines(deps, requireActor(request), request.body),
  );

  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '登记线索 Open a case from a clue',
        body: CaseCreateSchema,
        response: { 201: CaseDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openCase(deps, requireActor(request), request.body)),
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: '案件详情 Case with steps and attachments',
        params: Id,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => getCase(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/actions',
    {
      schema: {
        tags,
        summary: '办理 Take the next step',
        params: Id,
        body: CaseActionInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => act(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传附件 Upload an attachment (raw body: PDF, JPEG or PNG)',
        params: Id,
        querystring: z.object({ kind: AttachmentKindSchema, fileName: z.string().trim().min(1).max(200) }),
        response: { 201: CaseDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const out = await uploadAttachment(deps, actor, request.params.id, {
        ...request.query,
        ...rawUpload(request),
      });
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/api/cases/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件 Download an attachment (logged)',
        params: Id.extend({ attachmentId: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const file = await downloadAttachment(
        deps,
        requireActor(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.data);
    },
  );

  app.get(
    '/api/cases/:id/notice',
    {
      schema: {
        tags,
        summary: '公示 The public notice (name, village, type only) as text or .docx',
        params: Id,
        querystring: z.object({ format: z.enum(['text', 'docx']).default('text') }),
      },
    },
    async (request, reply) => {
      const notice = await caseNotice(deps, requireActor(request), request.params.id);
      if (request.query.format === 'docx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', contentDisposition(`${notice.title}.docx`))
          .send(await noticeDocx(notice));
      }
      return reply.header('content-type', 'text/plain; charset=utf-8').send(noticeText(notice));
    },
  );
};
