ALTER TABLE "household_years" ADD COLUMN "threshold_probes" jsonb;--> statement-breakpoint
ALTER TABLE "monitoring_year_configs" ADD COLUMN "evaluated_config" jsonb;