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
ALTER TABLE "screening_records" ADD CONSTRAINT "screening_records_campaign_id_screening_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."screening_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_records" ADD CONSTRAINT "screening_records_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_records_uq" ON "screening_records" USING btree ("campaign_id","household_id");--> statement-breakpoint
CREATE INDEX "screening_records_region_idx" ON "screening_records" USING btree ("campaign_id","region_code" text_pattern_ops);