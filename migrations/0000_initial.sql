CREATE TABLE "app_meta" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_username" varchar(64),
	"action" varchar(64) NOT NULL,
	"entity" varchar(64) NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "pii_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_username" varchar(64),
	"kind" varchar(16) NOT NULL,
	"entity" varchar(64) NOT NULL,
	"entity_id" text,
	"field" varchar(64) NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"purpose" text,
	"request_id" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" varchar(16) NOT NULL,
	"parent_code" varchar(12),
	"tree" varchar(16) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"region_code" varchar(12),
	"leader_name" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" text NOT NULL,
	"role" varchar(16) NOT NULL,
	"region_code" varchar(12),
	"unit_id" integer,
	"password_hash" text NOT NULL,
	"failed_logins" smallint DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_manual_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"evidence" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_clauses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"ref" varchar(32) NOT NULL,
	"number" varchar(16),
	"title" text,
	"text" text NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"clause_id" integer,
	"name" text NOT NULL,
	"measurement" jsonb NOT NULL,
	"comparison" varchar(8) NOT NULL,
	"target_value" numeric(18, 4) NOT NULL,
	"target_max" numeric(18, 4),
	"unit" varchar(8) NOT NULL,
	"deadline" jsonb,
	"scope" varchar(16) DEFAULT 'district' NOT NULL,
	"lead_unit_id" integer,
	"co_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_text" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_sections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"ref" varchar(32),
	"number" varchar(16),
	"level" smallint NOT NULL,
	"title" text NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"source_text" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_plan_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"date" date NOT NULL,
	"measure" text NOT NULL,
	"money_yuan" numeric(16, 2),
	"materials" text,
	"materials_value_yuan" numeric(16, 2),
	"households" integer,
	"income_increase_yuan" numeric(16, 2),
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"responsible_person" text NOT NULL,
	"responsible_title" text,
	"contact_person" text,
	"focus" text,
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_money_yuan" numeric(16, 2),
	"planned_materials" text,
	"planned_income_increase_yuan" numeric(16, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" varchar(32) NOT NULL,
	"date" date NOT NULL,
	"unit_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"town_code" varchar(12),
	"amount_yuan" numeric(16, 2),
	"people_count" integer,
	"person_hash" varchar(64),
	"person_id_enc" text,
	"person_name" text,
	"details" jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_case_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"kind" varchar(24) NOT NULL,
	"file_name" text NOT NULL,
	"content_type" varchar(128) NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_case_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"action" varchar(32) NOT NULL,
	"from_step" varchar(24),
	"to_step" varchar(24) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor_username" varchar(64),
	"actor_role" varchar(16),
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "household_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"include_kind" varchar(16),
	"proposed_type" varchar(16),
	"elimination_method" varchar(16),
	"source" varchar(24) NOT NULL,
	"clue_note" text NOT NULL,
	"step" varchar(24) NOT NULL,
	"clue_at" timestamp with time zone NOT NULL,
	"step_started_at" timestamp with time zone NOT NULL,
	"notice_started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"deadlines" jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_count" smallint DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor_username" varchar(64),
	"kind" varchar(48) NOT NULL,
	"summary" jsonb NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "household_measures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"member_id" bigint,
	"type" varchar(32) NOT NULL,
	"group_code" varchar(16) NOT NULL,
	"deep_group" varchar(24),
	"description" text NOT NULL,
	"unit_id" integer,
	"responsible_person" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"outcome" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" varchar(64) NOT NULL,
	"id_masked" varchar(24) NOT NULL,
	"birth_date" date NOT NULL,
	"sex" varchar(8) NOT NULL,
	"relation" varchar(16) NOT NULL,
	"ethnicity" text,
	"education" text,
	"schooling" varchar(24),
	"out_of_school_for_health" boolean DEFAULT false NOT NULL,
	"health" varchar(16) NOT NULL,
	"disability_category" smallint,
	"disability_grade" smallint,
	"disability_cert_cipher" text,
	"labour" varchar(16) NOT NULL,
	"work_status" text,
	"work_months" smallint,
	"work_place" text,
	"medical_insurance" boolean,
	"critical_illness_insurance" boolean,
	"pension_insurance" boolean,
	"family_doctor" boolean,
	"special_hardship" boolean DEFAULT false NOT NULL,
	"has_legal_supporter" boolean,
	"phone_cipher" text,
	"deep_groups_manual" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deep_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"left_reason" text,
	"sort" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_years" (
	"household_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"as_of" date NOT NULL,
	"wages" numeric(14, 2) NOT NULL,
	"net_business_income" numeric(14, 2) NOT NULL,
	"property_income" numeric(14, 2) NOT NULL,
	"transfer_income" numeric(14, 2) NOT NULL,
	"business_costs" numeric(14, 2) NOT NULL,
	"rigid_medical" numeric(14, 2) NOT NULL,
	"rigid_education" numeric(14, 2) NOT NULL,
	"rigid_disaster" numeric(14, 2) NOT NULL,
	"rigid_other" numeric(14, 2) NOT NULL,
	"housing_grade" varchar(1),
	"water" jsonb NOT NULL,
	"food_clothing" jsonb NOT NULL,
	"household_size" smallint,
	"per_capita_net_income" numeric(14, 2),
	"evaluation" varchar(16) DEFAULT 'no_config' NOT NULL,
	"assessment" jsonb,
	"flags" jsonb,
	"not_evaluated" jsonb,
	"flag_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"evaluated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_years_household_id_year_pk" PRIMARY KEY("household_id","year")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"household_no" varchar(40),
	"village_group" text,
	"address" text,
	"head_name" text NOT NULL,
	"phone_cipher" text,
	"bank_name" text,
	"bank_account_cipher" text,
	"attribute" varchar(32) NOT NULL,
	"poverty_exit_flag" varchar(32),
	"monitoring_status" varchar(16) DEFAULT 'none' NOT NULL,
	"monitoring_type" varchar(16),
	"monitoring_since" varchar(6),
	"monitoring_until" varchar(6),
	"risk_elimination_method" varchar(16),
	"risk_causes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"main_cause" varchar(32),
	"special_hardship" boolean DEFAULT false NOT NULL,
	"assist_unit_id" integer,
	"assist_person" text,
	"collected_by" text,
	"collected_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"deep_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_year_configs" (
	"year" integer PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_campaigns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"screened_on" date NOT NULL,
	"screened_by" integer,
	"difficulties" jsonb NOT NULL,
	"income_loss" numeric(14, 2) DEFAULT 0 NOT NULL,
	"at_risk" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_manual_values" ADD CONSTRAINT "indicator_manual_values_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_manual_values" ADD CONSTRAINT "indicator_manual_values_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_clauses" ADD CONSTRAINT "plan_clauses_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_clauses" ADD CONSTRAINT "plan_clauses_section_id_plan_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_clause_id_plan_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."plan_clauses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_ledger_entries" ADD CONSTRAINT "unit_ledger_entries_unit_plan_id_unit_plans_id_fk" FOREIGN KEY ("unit_plan_id") REFERENCES "public"."unit_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_ledger_entries" ADD CONSTRAINT "unit_ledger_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_ledger_entries" ADD CONSTRAINT "unit_ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plans" ADD CONSTRAINT "unit_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_case_attachments" ADD CONSTRAINT "household_case_attachments_case_id_household_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."household_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_case_steps" ADD CONSTRAINT "household_case_steps_case_id_household_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."household_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_cases" ADD CONSTRAINT "household_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_measures" ADD CONSTRAINT "household_measures_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_years" ADD CONSTRAINT "household_years_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_records" ADD CONSTRAINT "screening_records_campaign_id_screening_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."screening_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_records" ADD CONSTRAINT "screening_records_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "pii_access_at_idx" ON "pii_access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_code_prefix_idx" ON "regions" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_name_uq" ON "units" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "indicator_manual_values_idx" ON "indicator_manual_values" USING btree ("indicator_id","as_of");--> statement-breakpoint
CREATE INDEX "plan_clauses_plan_idx" ON "plan_clauses" USING btree ("plan_id","sort");--> statement-breakpoint
CREATE INDEX "plan_indicators_plan_idx" ON "plan_indicators" USING btree ("plan_id","sort");--> statement-breakpoint
CREATE INDEX "plan_sections_plan_idx" ON "plan_sections" USING btree ("plan_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_year_uq" ON "plans" USING btree ("year");--> statement-breakpoint
CREATE INDEX "unit_ledger_entries_plan_idx" ON "unit_ledger_entries" USING btree ("unit_plan_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_plans_unit_year_uq" ON "unit_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "activities_type_date_idx" ON "activities" USING btree ("type","date");--> statement-breakpoint
CREATE INDEX "activities_unit_date_idx" ON "activities" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "activities_town_idx" ON "activities" USING btree ("town_code","type");--> statement-breakpoint
CREATE INDEX "activities_person_idx" ON "activities" USING btree ("type","person_hash");--> statement-breakpoint
CREATE INDEX "household_case_attachments_case_idx" ON "household_case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "household_case_steps_case_idx" ON "household_case_steps" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "household_cases_region_idx" ON "household_cases" USING btree ("region_code" text_pattern_ops,"step");--> statement-breakpoint
CREATE INDEX "household_cases_household_idx" ON "household_cases" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_cases_open_uq" ON "household_cases" USING btree ("household_id") WHERE "household_cases"."step" not in ('approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "household_events_household_idx" ON "household_events" USING btree ("household_id","at");--> statement-breakpoint
CREATE INDEX "household_measures_household_idx" ON "household_measures" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_id_active_uq" ON "household_members" USING btree ("id_hash") WHERE "household_members"."active";--> statement-breakpoint
CREATE INDEX "household_members_id_hash_idx" ON "household_members" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "household_members_name_idx" ON "household_members" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_years_watch_idx" ON "household_years" USING btree ("year","flagged","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "households_county_idx" ON "households" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "households_head_name_idx" ON "households" USING btree ("head_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_no_idx" ON "households" USING btree ("household_no");--> statement-breakpoint
CREATE INDEX "households_monitoring_idx" ON "households" USING btree ("monitoring_status");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_records_uq" ON "screening_records" USING btree ("campaign_id","household_id");--> statement-breakpoint
CREATE INDEX "screening_records_region_idx" ON "screening_records" USING btree ("campaign_id","region_code" text_pattern_ops);