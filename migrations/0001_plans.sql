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
CREATE INDEX "activities_person_idx" ON "activities" USING btree ("type","person_hash");