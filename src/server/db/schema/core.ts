import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Region tree 行政区划: the district and the paired county, 12-digit division codes. */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    /** county | town | village (the roots are county-level). */
    level: varchar('level', { length: 16 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    /** 'district' (our own area) or 'paired' (the paired county 结对县). */
    tree: varchar('tree', { length: 16 }).notNull(),
    /** County-level 6-digit code: the distribution key when sharded (see ARCHITECTURE). */
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_code_prefix_idx').on(sql`${t.code} text_pattern_ops`),
  ],
);

/** Units 单位: leading-group member units, town/street offices, the inspection team, the office. */
export const units = pgTable(
  'units',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    /** member | town_office | inspection | office */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** For town offices: the town/street they govern. */
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    leaderName: text('leader_name'),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('units_name_uq').on(t.name)],
);

export const users = pgTable(
  'users',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    /** admin | leader | unit | town | village | inspector */
    role: varchar('role', { length: 16 }).notNull(),
    /** Region scope: the subtree this user may see (towns, villages). */
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    unitId: integer('unit_id').references(() => units.id),
    passwordHash: text('password_hash').notNull(),
    failedLogins: smallint('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Audit log 操作日志: one row per mutation, written in the mutation's transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorUsername: varchar('actor_username', { length: 64 }),
    action: varchar('action', { length: 64 }).notNull(),
    entity: varchar('entity', { length: 64 }).notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: varchar('request_id', { length: 64 }),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorId),
  ],
);

/** Every unmasked view or export of personal data (ID, phone, bank account). */
export const piiAccessLog = pgTable(
  'pii_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorUsername: varchar('actor_username', { length: 64 }),
    /** view | export */
    kind: varchar('kind', { length: 16 }).notNull(),
    entity: varchar('entity', { length: 64 }).notNull(),
    entityId: text('entity_id'),
    field: varchar('field', { length: 64 }).notNull(),
    count: integer('count').notNull().default(1),
    purpose: text('purpose'),
    requestId: varchar('request_id', { length: 64 }),
  },
  (t) => [index('pii_access_at_idx').on(t.at)],
);

/** Small key/value facts about this installation (e.g. whether demo data is loaded). */
export const appMeta = pgTable('app_meta', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
