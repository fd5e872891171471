import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { units, users } from './core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const money = (name: string) => numeric(name, { precision: 16, scale: 2, mode: 'number' });

/** The year's plan 年度工作要点 (one per year; the year is data, R1–R16). */
export const plans = pgTable(
  'plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** The pasted source text the plan was extracted from, kept for citation. */
    sourceText: text('source_text'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plans_year_uq').on(t.year)],
);

/** Headings of the plan in document order (level 0 preamble, 1 "一、", 2 "(一)"). */
export const planSections = pgTable(
  'plan_sections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ref: varchar('ref', { length: 32 }),
    number: varchar('number', { length: 16 }),
    level: smallint('level').notNull(),
    title: text('title').notNull(),
    sort: integer('sort').notNull(),
  },
  (t) => [index('plan_sections_plan_idx').on(t.planId, t.sort)],
);

/** Numbered items (clauses) with their source text ("三(一)2"). */
export const planClauses = pgTable(
  'plan_clauses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => planSections.id, { onDelete: 'cascade' }),
    ref: varchar('ref', { length: 32 }).notNull(),
    number: varchar('number', { length: 16 }),
    title: text('title'),
    text: text('text').notNull(),
    sort: integer('sort').notNull(),
  },
  (t) => [index('plan_clauses_plan_idx').on(t.planId, t.sort)],
);

/** Quantitative targets and how each is measured from the records (issue 4 §1). */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    clauseId: integer('clause_id').references(() => planClauses.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** `Measurement` (src/core/progress/measurement.ts), validated by zod before it is written. */
    measurement: jsonb('measurement').notNull(),
    /** gte | lte | eq | range */
    comparison: varchar('comparison', { length: 8 }).notNull(),
    targetValue: numeric('target_value', { precision: 18, scale: 4, mode: 'number' }).notNull(),
    targetMax: numeric('target_max', { precision: 18, scale: 4, mode: 'number' }),
    unit: varchar('unit', { length: 8 }).notNull(),
    /** The extractor's `Deadline`, relative to the plan year; null = end of year. */
    deadline: jsonb('deadline'),
    /** district | town | unit */
    scope: varchar('scope', { length: 16 }).notNull().default('district'),
    leadUnitId: integer('lead_unit_id').references(() => units.id),
    coUnitIds: jsonb('co_unit_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    sourceText: text('source_text'),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('plan_indicators_plan_idx').on(t.planId, t.sort)],
);

/** Manual figures with evidence, for indicators no record type measures (value in the indicator's unit). */
export const indicatorManualValues = pgTable(
  'indicator_manual_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    asOf: date('as_of').notNull(),
    value: numeric('value', { precision: 18, scale: 4, mode: 'number' }).notNull(),
    evidence: text('evidence').notNull(),
    attachments: jsonb('attachments')
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('indicator_manual_values_idx').on(t.indicatorId, t.asOf)],
);

/** A member unit's assistance plan for one year 帮扶计划 (R2, R13). */
export const unitPlans = pgTable(
  'unit_plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    /** 帮扶责任人 (the unit's top leader is responsible, R13) and the contact who keeps the ledger. */
    responsiblePerson: text('responsible_person').notNull(),
    responsibleTitle: text('responsible_title'),
    contactPerson: text('contact_person'),
    /** The county's urgent problems the plan addresses. */
    focus: text('focus'),
    /** 帮扶措施: list of measures. */
    measures: jsonb('measures')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** 年度目标: [{ text, value, unit, indicatorId }]. */
    targets: jsonb('targets')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** 帮扶投入 planned: money (yuan) and materials. */
    plannedMoneyYuan: money('planned_money_yuan'),
    plannedMaterials: text('planned_materials'),
    /** 贫困户增收 planned (yuan). */
    plannedIncomeIncreaseYuan: money('planned_income_increase_yuan'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('unit_plans_unit_year_uq').on(t.unitId, t.year)],
);

/** 帮扶台账 entries through the year: what was done, what it cost, whom it helped (R2). */
export const unitLedgerEntries = pgTable(
  'unit_ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitPlanId: integer('unit_plan_id')
      .notNull()
      .references(() => unitPlans.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    date: date('date').notNull(),
    measure: text('measure').notNull(),
    moneyYuan: money('money_yuan'),
    materials: text('materials'),
    /** Value of the materials at 物资折价, yuan. */
    materialsValueYuan: money('materials_value_yuan'),
    households: integer('households'),
    incomeIncreaseYuan: money('income_increase_yuan'),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('unit_ledger_entries_plan_idx').on(t.unitPlanId, t.date)],
);
