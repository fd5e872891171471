import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { regions, units, users } from './core';

/**
 * Typed activity records 帮扶活动记录 (issue 4 §4): common columns here, the type's own fields in
 * `details`, validated by the type's zod schema (src/core/activities). Large table: carries the
 * county code (distribution key when sharded) and is aggregated by GROUP BY, never loaded whole.
 */
export const activities = pgTable(
  'activities',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: varchar('type', { length: 32 }).notNull(),
    date: date('date').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Where it happened (district or paired county), 12 digits. */
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    /** The district town the record counts for in per-town indicators (a town office's records, or a place in the town). */
    townCode: varchar('town_code', { length: 12 }),
    amountYuan: numeric('amount_yuan', { precision: 16, scale: 2, mode: 'number' }),
    peopleCount: integer('people_count'),
    /** Keyed hash of the named person's normalised ID number: people are counted once (R6). */
    personHash: varchar('person_hash', { length: 64 }),
    personIdEnc: text('person_id_enc'),
    personName: text('person_name'),
    details: jsonb('details').notNull(),
    evidence: jsonb('evidence')
      .notNull()
      .default(sql`'[]'::jsonb`),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_type_date_idx').on(t.type, t.date),
    index('activities_unit_date_idx').on(t.unitId, t.date),
    index('activities_town_idx').on(t.townCode, t.type),
    index('activities_person_idx').on(t.type, t.personHash),
  ],
);
