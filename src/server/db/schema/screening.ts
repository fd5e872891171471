import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { households } from './households';

/** Epidemic screening campaigns 疫情影响排查 (R9): one sweep over every household of a region. */
export const screeningCampaigns = pgTable('screening_campaigns', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  /** The region swept (district, town or village code). */
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  /** open | closed */
  status: varchar('status', { length: 16 }).notNull().default('open'),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One household's screening: difficulties in the five areas of R9 and the derived at-risk verdict. */
export const screeningRecords = pgTable(
  'screening_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => screeningCampaigns.id),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    screenedOn: date('screened_on', { mode: 'string' }).notNull(),
    screenedBy: integer('screened_by'),
    /** { industry, employment, medical, schooling, productSales }: { level: none|some|severe, note } */
    difficulties: jsonb('difficulties').notNull(),
    incomeLoss: numeric('income_loss', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    atRisk: boolean('at_risk').notNull(),
    reasons: jsonb('reasons').notNull(),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('screening_records_uq').on(t.campaignId, t.householdId),
    index('screening_records_region_idx').on(t.campaignId, sql`${t.regionCode} text_pattern_ops`),
  ],
);
