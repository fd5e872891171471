import { z } from 'zod';
import { CASE_KINDS, CaseActionSchema, CaseStepSchema } from './case-machine';
import {
  DiscoveryChannelSchema,
  EliminationMethodSchema,
  IsoDateSchema,
  MonitoringTypeSchema,
} from './households.schemas';

export const CaseKindSchema = z.enum(CASE_KINDS);

/** A clue opens a case (R10 发现): the household, what is proposed, where the clue came from. */
export const CaseCreateSchema = z.object({
  householdId: z.number().int().positive(),
  kind: CaseKindSchema,
  /** include and change_type: the monitoring type proposed. */
  proposedType: MonitoringTypeSchema.nullable().optional(),
  /** exit: 帮扶消除 or 自然消除 (default 帮扶消除). */
  eliminationMethod: EliminationMethodSchema.nullable().optional(),
  source: DiscoveryChannelSchema,
  clueNote: z.string().trim().min(2).max(1000),
});
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

const MonthlyIncomeSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应为 YYYY-MM' }),
  perCapitaAnnualised: z.number().min(0),
});

/** Findings recorded with an action (each action reads the fields it needs). */
export const CaseActionInputSchema = z.object({
  action: CaseActionSchema,
  /** Reasons of a return or rejection; remarks otherwise. */
  note: z.string().trim().max(2000).nullable().optional(),
  /** complete_home_check */
  homeCheck: z
    .object({
      date: IsoDateSchema,
      findings: z.string().trim().min(2).max(2000),
      /** exit cases: monthly per-capita income estimates and whether large rigid costs are resolved. */
      monthlyIncome: z.array(MonthlyIncomeSchema).max(36).optional(),
      rigidResolved: z.boolean().optional(),
    })
    .optional(),
  /** record_appraisal: the village democratic appraisal; the notice starts with it. */
  appraisal: z
    .object({
      date: IsoDateSchema,
      participants: z.number().int().min(1).max(1000),
      result: z.string().trim().min(2).max(1000),
    })
    .optional(),
  /** close_notice */
  objections: z.string().trim().max(2000).nullable().optional(),
});
export type CaseActionInput = z.infer<typeof CaseActionInputSchema>;

const Localized = z.object({ zh: z.string(), en: z.string() });

export const CaseDeadlineStatusSchema = z.object({
  stepDueAt: z.string().nullable(),
  totalDueAt: z.string(),
  stepOverdue: z.boolean(),
  totalOverdue: z.boolean(),
  daysElapsed: z.number(),
});

export const CaseSummarySchema = z.object({
  id: z.number(),
  householdId: z.number(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  kind: CaseKindSchema,
  kindZh: z.string(),
  includeKind: z.string().nullable(),
  proposedType: z.string().nullable(),
  proposedTypeZh: z.string().nullable(),
  source: z.string(),
  step: CaseStepSchema,
  stepZh: z.string(),
  clueAt: z.string(),
  stepStartedAt: z.string(),
  closedAt: z.string().nullable(),
  returnCount: z.number(),
  deadline: CaseDeadlineStatusSchema,
  /** What the current user can do next (the work queue). */
  actions: z.array(CaseActionSchema),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  clueNote: z.string(),
  eliminationMethod: z.string().nullable(),
  noticeStartedAt: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  steps: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actionZh: z.string(),
      fromStep: z.string().nullable(),
      toStep: z.string(),
      at: z.string(),
      actorUsername: z.string().nullable(),
      actorRole: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      uploadedAt: z.string(),
    }),
  ),
  exitCheck: z.object({ allowed: z.boolean(), reasons: z.array(Localized) }).nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.coerce.number().int().nonnegative().optional(),
  step: CaseStepSchema.optional(),
  kind: CaseKindSchema.optional(),
  householdId: z.coerce.number().int().positive().optional(),
  open: z.enum(['true', 'false']).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const ATTACHMENT_KINDS = ['authorisation', 'home_check', 'appraisal', 'notice', 'other'] as const;
export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS);
