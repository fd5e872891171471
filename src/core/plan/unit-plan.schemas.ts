/**
 * A member unit's assistance plan and ledger 帮扶计划 / 帮扶台账 (R2, R13): responsible person,
 * measures, annual targets, inputs (money, materials), income increase of poor households; entries
 * through the year.
 */
import { z } from 'zod';

const money = z.number().min(0).max(1e12);

export const UnitPlanTargetSchema = z.object({
  text: z.string().trim().min(1).max(500),
  value: z.number().min(0).nullish(),
  unit: z.string().max(8).nullish(),
  /** The plan indicator this target contributes to, if any. */
  indicatorId: z.number().int().positive().nullish(),
});

export const UnitPlanInputSchema = z.object({
  responsiblePerson: z.string().trim().min(1).max(50),
  responsibleTitle: z.string().trim().max(100).nullish(),
  contactPerson: z.string().trim().max(50).nullish(),
  focus: z.string().trim().max(5000).nullish(),
  measures: z.array(z.string().trim().min(1).max(1000)).max(100).default([]),
  targets: z.array(UnitPlanTargetSchema).max(100).default([]),
  plannedMoneyYuan: money.nullish(),
  plannedMaterials: z.string().trim().max(2000).nullish(),
  plannedIncomeIncreaseYuan: money.nullish(),
});
export type UnitPlanInput = z.infer<typeof UnitPlanInputSchema>;

export const LedgerEntryInputSchema = z.object({
  date: z.iso.date(),
  measure: z.string().trim().min(1).max(1000),
  moneyYuan: money.nullish(),
  materials: z.string().trim().max(1000).nullish(),
  materialsValueYuan: money.nullish(),
  households: z.number().int().min(0).max(1_000_000).nullish(),
  incomeIncreaseYuan: money.nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type LedgerEntryInput = z.infer<typeof LedgerEntryInputSchema>;

export const LedgerEntrySchema = LedgerEntryInputSchema.extend({
  id: z.number(),
  unitPlanId: z.number(),
  unitId: z.number(),
  moneyYuan: z.number().nullable(),
  materials: z.string().nullable(),
  materialsValueYuan: z.number().nullable(),
  households: z.number().nullable(),
  incomeIncreaseYuan: z.number().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** Sums of the ledger entries (computed in SQL), beside the plan's planned figures. */
export const LedgerTotalsSchema = z.object({
  entries: z.number(),
  moneyYuan: z.number(),
  materialsValueYuan: z.number(),
  households: z.number(),
  incomeIncreaseYuan: z.number(),
});

export const UnitPlanSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  responsiblePerson: z.string(),
  responsibleTitle: z.string().nullable(),
  contactPerson: z.string().nullable(),
  focus: z.string().nullable(),
  measures: z.array(z.string()),
  targets: z.array(UnitPlanTargetSchema),
  plannedMoneyYuan: z.number().nullable(),
  plannedMaterials: z.string().nullable(),
  plannedIncomeIncreaseYuan: z.number().nullable(),
  totals: LedgerTotalsSchema,
  updatedAt: z.string(),
});
export type UnitPlan = z.infer<typeof UnitPlanSchema>;

export const UnitPlanDetailSchema = UnitPlanSchema.extend({ entries: z.array(LedgerEntrySchema) });
