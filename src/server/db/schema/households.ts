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
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/**
 * Households in difficulty 户 (R10–R12). Personal data (phone, bank account) is stored only as
 * ciphertext through deps.pii; `county_code` is the future distribution key.
 */
export const households = pgTable(
  'households',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    /** 12-digit village code (the household's 村/社区). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** 户编号: national number, kept as text. */
    householdNo: varchar('household_no', { length: 40 }),
    villageGroup: text('village_group'),
    address: text('address'),
    /** 户主姓名 (denormalised from the head member for lists and search). */
    headName: text('head_name').notNull(),
    phoneCipher: text('phone_cipher'),
    bankName: text('bank_name'),
    bankAccountCipher: text('bank_account_cipher'),
    /** 户属性 code, e.g. 一般农户 / 脱贫户 / 低保户 (code list as data). */
    attribute: varchar('attribute', { length: 32 }).notNull(),
    /** 脱贫标志. */
    povertyExitFlag: varchar('poverty_exit_flag', { length: 32 }),
    /** none | monitored | eliminated: changed only by an approved case (or the initial registration). */
    monitoringStatus: varchar('monitoring_status', { length: 16 }).notNull().default('none'),
    monitoringType: varchar('monitoring_type', { length: 16 }),
    /** YYYYMM */
    monitoringSince: varchar('monitoring_since', { length: 6 }),
    monitoringUntil: varchar('monitoring_until', { length: 6 }),
    riskEliminationMethod: varchar('risk_elimination_method', { length: 16 }),
    riskCauses: jsonb('risk_causes').$type<string[]>().notNull().default([]),
    mainCause: varchar('main_cause', { length: 32 }),
    /** 特困供养户 as a household attribute (R12). */
    specialHardship: boolean('special_hardship').notNull().default(false),
    assistUnitId: integer('assist_unit_id'),
    assistPerson: text('assist_person'),
    collectedBy: text('collected_by'),
    collectedOn: date('collected_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    /** R12 deep-difficulty groups of the members (derived), for SQL filters. */
    deepGroups: jsonb('deep_groups').$type<string[]>().notNull().default([]),
    /**
     * The active members' names, '|'-separated (derived, kept by triggers on household_members, so the
     * ledger import's COPY keeps it too): the name search filters one row per household.
     */
    memberNames: text('member_names').notNull().default(''),
    /**
     * Every single character and bigram of those names (household_name_grams, an immutable SQL function):
     * the GIN index serves a name search anywhere in a name, which btree and pg_trgm (3-grams, no CJK in
     * the C locale) cannot. See docs/decisions/0010-household-name-ngrams.md.
     */
    nameGrams: text('name_grams')
      .array()
      .generatedAlwaysAs(sql`household_name_grams(member_names)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('households_name_grams_idx').using('gin', t.nameGrams),
    // The deep-difficulty group filter (R12): a rare group found by the index and sorted, rather than a
    // walk of the list order that reads most of the table before it has a page (p95 115 ms at 100k).
    index('households_deep_groups_idx').using('gin', sql`${t.deepGroups} jsonb_path_ops`),
    index('households_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.id),
    // A town's households in list (id) order: scopeCondition/regionCondition query substr(region_code, 1, 9).
    index('households_town_idx').on(sql`substr(${t.regionCode}, 1, 9)`, t.id),
    index('households_county_idx').on(t.countyCode),
    index('households_head_name_idx').on(sql`${t.headName} text_pattern_ops`),
    index('households_no_idx').on(t.householdNo),
    index('households_monitoring_idx').on(t.monitoringStatus),
    // A member unit's user sees the households assigned to it (scopeCondition 'unit'), in list order:
    // without it each page scanned the whole table (131 ms at 1M households).
    index('households_unit_idx')
      .on(t.assistUnitId, t.id)
      .where(sql`${t.assistUnitId} is not null`),
  ],
);

/**
 * The 2-character name search's postings (姓名二字检索): one row per bigram of an active household's member
 * names, with its town (the first 9 digits of the region code). Kept by triggers on households
 * (migration 0009), so every writer and the ledger import's COPY keep it too. Walked in household id
 * order for one bigram (and one town for a town's or village's user), it gives a list page after ~50
 * probes; the GIN index on name_grams must find every match and sort them, and the list order's walk
 * reads ~N/matches × 50 households (both 10–35 ms at 1M households for a bigram with 3,000–12,000
 * matches). See docs/decisions/0010-household-name-ngrams.md.
 */
export const householdNameBigrams = pgTable(
  'household_name_bigrams',
  {
    gram: text('gram').notNull(),
    town: text('town').notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.gram, t.householdId] }),
    index('household_name_bigrams_town_idx').on(t.gram, t.town, t.householdId),
  ],
);

/** Members 成员. The ID number is ciphertext + keyed hash; the masked form serves lists. */
export const householdMembers = pgTable(
  'household_members',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    /** HMAC of the normalised 18-character number: uniqueness and exact search. */
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    idMasked: varchar('id_masked', { length: 24 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: varchar('sex', { length: 8 }).notNull(),
    relation: varchar('relation', { length: 16 }).notNull(),
    ethnicity: text('ethnicity'),
    education: text('education'),
    schooling: varchar('schooling', { length: 24 }),
    outOfSchoolForHealth: boolean('out_of_school_for_health').notNull().default(false),
    health: varchar('health', { length: 16 }).notNull(),
    disabilityCategory: smallint('disability_category'),
    disabilityGrade: smallint('disability_grade'),
    disabilityCertCipher: text('disability_cert_cipher'),
    labour: varchar('labour', { length: 16 }).notNull(),
    workStatus: text('work_status'),
    workMonths: smallint('work_months'),
    workPlace: text('work_place'),
    medicalInsurance: boolean('medical_insurance'),
    criticalIllnessInsurance: boolean('critical_illness_insurance'),
    pensionInsurance: boolean('pension_insurance'),
    familyDoctor: boolean('family_doctor'),
    specialHardship: boolean('special_hardship').notNull().default(false),
    hasLegalSupporter: boolean('has_legal_supporter'),
    phoneCipher: text('phone_cipher'),
    /** Groups set by hand with evidence: [{ group, evidence }]. */
    deepGroupsManual: jsonb('deep_groups_manual')
      .$type<{ group: string; evidence: string }[]>()
      .notNull()
      .default([]),
    /** Derived + manual R12 groups. */
    deepGroups: jsonb('deep_groups').$type<string[]>().notNull().default([]),
    /** False once the member left the household (moved, died); never deleted. */
    active: boolean('active').notNull().default(true),
    leftReason: text('left_reason'),
    sort: smallint('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    // A person is in at most one active household: the service reports a located 409 first.
    uniqueIndex('household_members_id_active_uq')
      .on(t.idHash)
      .where(sql`${t.active}`),
    index('household_members_id_hash_idx').on(t.idHash),
    index('household_members_name_idx').on(sql`${t.name} text_pattern_ops`),
  ],
);

/** Monitoring thresholds per year (R10: years are data). */
export const monitoringYearConfigs = pgTable('monitoring_year_configs', {
  year: integer('year').primaryKey(),
  config: jsonb('config').notNull(),
  /**
   * Digest of the thresholds and the rules' version (evaluationInputsDigest) with which a complete bulk
   * run last evaluated every row of the year; null until one has. Single-household writes always evaluate
   * with the current thresholds, so while it matches, the bulk run only has rows never evaluated to do.
   */
  evaluatedWith: varchar('evaluated_with', { length: 32 }),
  /**
   * The thresholds of that run (the config as it was): when the office changes them, the next run
   * compares the two and re-evaluates only the rows whose threshold probes meet what moved.
   */
  evaluatedConfig: jsonb('evaluated_config'),
  updatedAt: updatedAt(),
});

/**
 * One row per household-year: economics, the facts of the assessment, and the stored verdicts and the
 * rules that flagged (re-evaluated on every change and in bulk; explanations are re-derived on read).
 */
export const householdYears = pgTable(
  'household_years',
  {
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    wages: money('wages').notNull(),
    netBusinessIncome: money('net_business_income').notNull(),
    propertyIncome: money('property_income').notNull(),
    transferIncome: money('transfer_income').notNull(),
    businessCosts: money('business_costs').notNull(),
    rigidMedical: money('rigid_medical').notNull(),
    rigidEducation: money('rigid_education').notNull(),
    rigidDisaster: money('rigid_disaster').notNull(),
    rigidOther: money('rigid_other').notNull(),
    housingGrade: varchar('housing_grade', { length: 1 }),
    water: jsonb('water').notNull(),
    foodClothing: jsonb('food_clothing').notNull(),
    /** Derived: household size at evaluation, per-capita net income. */
    householdSize: smallint('household_size'),
    perCapitaNetIncome: money('per_capita_net_income'),
    /** evaluated | no_config */
    evaluation: varchar('evaluation', { length: 16 }).notNull().default('no_config'),
    assessment: jsonb('assessment'),
    flags: jsonb('flags'),
    notEvaluated: jsonb('not_evaluated'),
    flagRules: jsonb('flag_rules').$type<string[]>().notNull().default([]),
    flagged: boolean('flagged').notNull().default(false),
    /** Digest of the stored result (resultHash): the bulk re-evaluation rewrites only changed rows. */
    resultHash: varchar('result_hash', { length: 32 }),
    /**
     * Per threshold of the year, the interval in which the comparisons of this row with it flip
     * (thresholdProbes): a threshold change re-evaluates only the rows whose interval it crosses.
     */
    thresholdProbes: jsonb('threshold_probes'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.year] }),
    index('household_years_watch_idx').on(t.year, t.flagged, sql`${t.regionCode} text_pattern_ops`),
    // The flagged households of a year in id order: the list's "flagged" filter probes or merges on it.
    index('household_years_flagged_idx')
      .on(t.year, t.householdId)
      .where(sql`${t.flagged}`),
    // Rows never evaluated (inserted by SQL: the demo, a generator): the bulk run does them even when the
    // year is otherwise current.
    index('household_years_unevaluated_idx')
      .on(t.year, t.householdId)
      .where(sql`${t.resultHash} is null`),
  ],
);

/** Assistance measures 帮扶措施 (R11, R12). */
export const householdMeasures = pgTable(
  'household_measures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    memberId: bigint('member_id', { mode: 'number' }),
    type: varchar('type', { length: 32 }).notNull(),
    groupCode: varchar('group_code', { length: 16 }).notNull(),
    /** The R12 group this measure targets, if any. */
    deepGroup: varchar('deep_group', { length: 24 }),
    description: text('description').notNull(),
    unitId: integer('unit_id'),
    responsiblePerson: text('responsible_person'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    outcome: text('outcome'),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('household_measures_household_idx').on(t.householdId)],
);

/** The household's timeline: one row per thing that happened to it (human-readable, no personal data). */
export const householdEvents = pgTable(
  'household_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id'),
    actorUsername: varchar('actor_username', { length: 64 }),
    kind: varchar('kind', { length: 48 }).notNull(),
    summary: jsonb('summary').$type<{ zh: string; en: string }>().notNull(),
    data: jsonb('data'),
  },
  (t) => [index('household_events_household_idx').on(t.householdId, t.at)],
);

/** Include / change-type / exit cases 动态调整 (R10): the procedure's state and deadlines. */
export const householdCases = pgTable(
  'household_cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** include | change_type | exit */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** include: new | returning */
    includeKind: varchar('include_kind', { length: 16 }),
    proposedType: varchar('proposed_type', { length: 16 }),
    eliminationMethod: varchar('elimination_method', { length: 16 }),
    /** Discovery channel of the clue. */
    source: varchar('source', { length: 24 }).notNull(),
    clueNote: text('clue_note').notNull(),
    step: varchar('step', { length: 24 }).notNull(),
    clueAt: timestamp('clue_at', { withTimezone: true }).notNull(),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull(),
    noticeStartedAt: timestamp('notice_started_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Deadlines in force when the case was opened (configuration is data). */
    deadlines: jsonb('deadlines').notNull(),
    /** Findings of each step (home check, appraisal, review…), no ID numbers. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    returnCount: smallint('return_count').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('household_cases_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.step),
    index('household_cases_household_idx').on(t.householdId),
    // One open case per household at a time.
    uniqueIndex('household_cases_open_uq')
      .on(t.householdId)
      .where(sql`${t.step} not in ('approved', 'rejected', 'withdrawn')`),
  ],
);

/** Every transition of a case (never deleted). */
export const householdCaseSteps = pgTable(
  'household_case_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => householdCases.id),
    action: varchar('action', { length: 32 }).notNull(),
    fromStep: varchar('from_step', { length: 24 }),
    toStep: varchar('to_step', { length: 24 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id'),
    actorUsername: varchar('actor_username', { length: 64 }),
    actorRole: varchar('actor_role', { length: 16 }),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [index('household_case_steps_case_idx').on(t.caseId)],
);

/** Attachments of a case (signed authorisation, appraisal minutes, notice photos) in the file storage. */
export const householdCaseAttachments = pgTable(
  'household_case_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => householdCases.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: varchar('content_type', { length: 128 }).notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('household_case_attachments_case_idx').on(t.caseId)],
);
