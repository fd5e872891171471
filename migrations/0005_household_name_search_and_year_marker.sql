ALTER TABLE "households" ADD COLUMN "member_names" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Filled before the generated column is added, so the table is rewritten with the grams only once.
UPDATE "households" h SET "member_names" = coalesce((
  SELECT string_agg(m.name, '|' ORDER BY m.sort, m.id) FROM "household_members" m
  WHERE m.household_id = h.id AND m.active), '');--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "name_grams" text[] GENERATED ALWAYS AS (household_name_grams(member_names)) STORED;--> statement-breakpoint
CREATE INDEX "households_name_grams_idx" ON "households" USING gin ("name_grams");--> statement-breakpoint
-- households.member_names follows the members: a statement trigger for inserts (one update per COPY of the
-- ledger import, not one per row) and a row trigger for the changes that matter to it.
CREATE FUNCTION households_sync_member_names(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE households h SET member_names = coalesce((
    SELECT string_agg(m.name, '|' ORDER BY m.sort, m.id) FROM household_members m
    WHERE m.household_id = h.id AND m.active), '')
  WHERE h.id = ANY(ids)
$$;--> statement-breakpoint
CREATE FUNCTION household_members_names_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM households_sync_member_names(ARRAY(SELECT DISTINCT household_id FROM inserted));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION household_members_names_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM households_sync_member_names(ARRAY[OLD.household_id, NEW.household_id]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER household_members_names_insert AFTER INSERT ON "household_members"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION household_members_names_inserted();--> statement-breakpoint
CREATE TRIGGER household_members_names_update AFTER UPDATE OF name, active, sort, household_id ON "household_members"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.active IS DISTINCT FROM NEW.active
    OR OLD.sort IS DISTINCT FROM NEW.sort OR OLD.household_id IS DISTINCT FROM NEW.household_id)
  EXECUTE FUNCTION household_members_names_updated();--> statement-breakpoint
ALTER TABLE "monitoring_year_configs" ADD COLUMN "evaluated_with" varchar(32);--> statement-breakpoint
CREATE INDEX "household_years_unevaluated_idx" ON "household_years" USING btree ("year","household_id") WHERE "household_years"."result_hash" is null;
