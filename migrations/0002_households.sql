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
ALTER TABLE "household_case_attachments" ADD CONSTRAINT "household_case_attachments_case_id_household_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."household_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_case_steps" ADD CONSTRAINT "household_case_steps_case_id_household_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."household_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_cases" ADD CONSTRAINT "household_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_measures" ADD CONSTRAINT "household_measures_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_years" ADD CONSTRAINT "household_years_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "household_members_name_idx" ON "household_members" USING btree ("name");--> statement-breakpoint
CREATE INDEX "household_years_watch_idx" ON "household_years" USING btree ("year","flagged","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "households_county_idx" ON "households" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "households_head_name_idx" ON "households" USING btree ("head_name");--> statement-breakpoint
CREATE INDEX "households_no_idx" ON "households" USING btree ("household_no");--> statement-breakpoint
CREATE INDEX "households_monitoring_idx" ON "households" USING btree ("monitoring_status");