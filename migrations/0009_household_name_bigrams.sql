CREATE TABLE "household_name_bigrams" (
	"gram" text NOT NULL,
	"town" text NOT NULL,
	"household_id" bigint NOT NULL,
	CONSTRAINT "household_name_bigrams_gram_household_id_pk" PRIMARY KEY("gram","household_id")
);
--> statement-breakpoint
CREATE INDEX "household_name_bigrams_town_idx" ON "household_name_bigrams" USING btree ("gram","town","household_id");--> statement-breakpoint
-- The postings follow the households: a statement trigger for inserts (one insert per COPY of the ledger
-- import or the demo load, not one per row) and a row trigger for the changes that matter to them (the
-- names, through member_names; the town; active). Households are never deleted.
CREATE FUNCTION households_bigrams_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO household_name_bigrams (gram, town, household_id)
  SELECT DISTINCT g, substr(i.region_code, 1, 9), i.id
  FROM inserted i CROSS JOIN LATERAL unnest(i.name_grams) AS g
  WHERE i.active AND char_length(g) = 2;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION households_bigrams_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM household_name_bigrams WHERE household_id = OLD.id;
  IF NEW.active THEN
    INSERT INTO household_name_bigrams (gram, town, household_id)
    SELECT DISTINCT g, substr(NEW.region_code, 1, 9), NEW.id FROM unnest(NEW.name_grams) AS g
    WHERE char_length(g) = 2;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER households_bigrams_insert AFTER INSERT ON "households"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION households_bigrams_inserted();--> statement-breakpoint
CREATE TRIGGER households_bigrams_update AFTER UPDATE OF member_names, region_code, active ON "households"
  FOR EACH ROW WHEN (OLD.name_grams IS DISTINCT FROM NEW.name_grams
    OR substr(OLD.region_code, 1, 9) IS DISTINCT FROM substr(NEW.region_code, 1, 9)
    OR OLD.active IS DISTINCT FROM NEW.active)
  EXECUTE FUNCTION households_bigrams_updated();--> statement-breakpoint
INSERT INTO household_name_bigrams (gram, town, household_id)
SELECT DISTINCT g, substr(h.region_code, 1, 9), h.id
FROM households h CROSS JOIN LATERAL unnest(h.name_grams) AS g
WHERE h.active AND char_length(g) = 2;
