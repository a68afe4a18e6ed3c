CREATE TABLE "data_versions" (
	"id" bigint PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account" text,
	"action" text NOT NULL,
	"batch_id" bigint,
	"added" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "data_versions_action" CHECK (action IN ('baseline', 'seed', 'import', 'undo', 'reimport'))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
DROP INDEX "seizures_dedupe_key";--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "account" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "data_version" bigint;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "undone_in" bigint;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "reimport_of" bigint;--> statement-breakpoint
-- Seizures loaded before data versions existed become version 1, "baseline"; so do the rollups' sums of them.
INSERT INTO "data_versions" ("id", "action", "added", "note")
SELECT 1, 'baseline', count(*), 'Seizures present before data versions were kept' FROM "seizures" HAVING count(*) > 0;--> statement-breakpoint
UPDATE "import_batches" SET "data_version" = 1 WHERE "accepted" > 0 AND EXISTS (SELECT 1 FROM "data_versions" WHERE "id" = 1);--> statement-breakpoint
ALTER TABLE "seizures" ADD COLUMN "added_in" bigint NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "seizures" ALTER COLUMN "added_in" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "seizures" ADD COLUMN "removed_in" bigint;--> statement-breakpoint
ALTER TABLE "seizure_blo_rings" ADD COLUMN "added_in" bigint NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "seizure_blo_rings" ALTER COLUMN "added_in" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "seizure_cells" ADD COLUMN "added_in" bigint NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "seizure_cells" ALTER COLUMN "added_in" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "seizure_cells_all" ADD COLUMN "added_in" bigint NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "seizure_cells_all" ALTER COLUMN "added_in" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "seizure_monthly" ADD COLUMN "added_in" bigint NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "seizure_monthly" ALTER COLUMN "added_in" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "seizure_monthly_blo" ADD COLUMN "added_in" bigint NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "seizure_monthly_blo" ALTER COLUMN "added_in" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "seizure_routes_monthly" ADD COLUMN "added_in" bigint NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "seizure_routes_monthly" ALTER COLUMN "added_in" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_data_version_data_versions_id_fk" FOREIGN KEY ("data_version") REFERENCES "public"."data_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_undone_in_data_versions_id_fk" FOREIGN KEY ("undone_in") REFERENCES "public"."data_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_added_in_data_versions_id_fk" FOREIGN KEY ("added_in") REFERENCES "public"."data_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_removed_in_data_versions_id_fk" FOREIGN KEY ("removed_in") REFERENCES "public"."data_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seizures_added_in" ON "seizures" USING btree ("added_in");--> statement-breakpoint
CREATE INDEX "seizures_removed_in" ON "seizures" USING btree ("removed_in") WHERE "seizures"."removed_in" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "seizures_dedupe_key" ON "seizures" USING btree ("dedupe_key") WHERE "seizures"."removed_in" IS NULL;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_removed_after_added" CHECK ("seizures"."removed_in" > "seizures"."added_in");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action IN ('sign-in', 'sign-in-failed', 'sign-out', 'sessions-revoked', 'account-created', 'account-changed', 'import', 'import-dry-run', 'import-undone', 'import-reimported', 'export', 'events', 'denied', 'audit-archived'));--> statement-breakpoint
-- The refresh of 0009 over current rows only (removed_in IS NULL), and by the version that added
-- them (added_in): the rollups hold the current state, and the state as of an earlier version is
-- their rows with added_in up to it plus the rows removed since. An undo (an UPDATE of removed_in)
-- rebuilds the slices it touched.
CREATE OR REPLACE FUNCTION seizure_rollups_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS seizure_rollup_keys (month date, substance text) ON COMMIT DROP;
  TRUNCATE seizure_rollup_keys;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO seizure_rollup_keys SELECT DISTINCT date_trunc('month', seized_on)::date, substance FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO seizure_rollup_keys SELECT DISTINCT date_trunc('month', seized_on)::date, substance FROM old_rows;
  END IF;
  ANALYZE seizure_rollup_keys;

  DROP TABLE IF EXISTS seizure_rollup_slice;
  CREATE TEMP TABLE seizure_rollup_slice ON COMMIT DROP AS
  SELECT k.month, s.substance, s.synthetic, s.nearest_blo, s.country, s.transport, s.concealment, s.origin_country,
         s.destination_country, s.kg_eq, s.value_usd, s.seized_on, s.geom, s.cell, s.added_in
    FROM (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
    JOIN seizures s ON s.substance = k.substance AND date_trunc('month', s.seized_on)::date = k.month
                   AND s.seized_on >= k.month AND s.seized_on < (k.month + interval '1 month')
   WHERE s.removed_in IS NULL;

  DELETE FROM seizure_monthly m USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE m.month = k.month AND m.substance = k.substance;
  INSERT INTO seizure_monthly (month, substance, synthetic, nearest_blo, country, transport, concealment, added_in, n, kg_eq, value_usd, last_seized_on)
  SELECT month, substance, synthetic, nearest_blo, country, transport, concealment, added_in, count(*), sum(kg_eq), sum(value_usd), max(seized_on)
    FROM seizure_rollup_slice
   GROUP BY month, substance, synthetic, nearest_blo, country, transport, concealment, added_in;

  DELETE FROM seizure_monthly_blo m USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE m.month = k.month AND m.substance = k.substance;
  INSERT INTO seizure_monthly_blo (month, substance, synthetic, nearest_blo, added_in, n, kg_eq, value_usd, last_seized_on)
  SELECT m.month, m.substance, m.synthetic, m.nearest_blo, m.added_in, sum(m.n), sum(m.kg_eq), sum(m.value_usd), max(m.last_seized_on)
    FROM seizure_monthly m
    JOIN (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k ON m.month = k.month AND m.substance = k.substance
   GROUP BY m.month, m.substance, m.synthetic, m.nearest_blo, m.added_in;

  DELETE FROM seizure_routes_monthly r USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE r.month = k.month AND r.substance = k.substance;
  INSERT INTO seizure_routes_monthly (month, substance, synthetic, nearest_blo, origin_country, destination_country, added_in, n, kg_eq, value_usd, last_seized_on)
  SELECT month, substance, synthetic, nearest_blo, origin_country, destination_country, added_in, count(*), sum(kg_eq), sum(value_usd), max(seized_on)
    FROM seizure_rollup_slice
   GROUP BY month, substance, synthetic, nearest_blo, origin_country, destination_country, added_in;

  DELETE FROM seizure_cells c USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE c.month = k.month AND c.substance = k.substance;
  INSERT INTO seizure_cells (month, substance, synthetic, cell, added_in, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat)
  SELECT month, substance, synthetic, h3_parent(cell, 6), added_in, count(*), sum(kg_eq), sum(value_usd), min(seized_on), max(seized_on),
         sum(ST_X(geom)), sum(ST_Y(geom))
    FROM seizure_rollup_slice
   GROUP BY month, substance, synthetic, h3_parent(cell, 6), added_in;

  DELETE FROM seizure_cells_all WHERE substance IN (SELECT substance FROM seizure_rollup_keys);
  INSERT INTO seizure_cells_all (substance, synthetic, cell, added_in, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat)
  SELECT substance, synthetic, cell, added_in, sum(n), sum(kg_eq), sum(value_usd), min(first_seized_on), max(last_seized_on), sum(sum_lng), sum(sum_lat)
    FROM seizure_cells
   WHERE substance IN (SELECT substance FROM seizure_rollup_keys)
   GROUP BY substance, synthetic, cell, added_in;

  -- Catchment rings: each seizure against every BLO within 100 km (great circle, mean Earth radius),
  -- by whole-km ring. The degree box (1.3° lon × 0.91° lat, ≥ 100 km south of 43.5° N) skips far
  -- pairs before the distance is computed, once per pair.
  DELETE FROM seizure_blo_rings r USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE r.month = k.month AND r.substance = k.substance;
  INSERT INTO seizure_blo_rings (blo, ring, month, substance, synthetic, added_in, n, kg_eq, value_usd, last_seized_on)
  SELECT code, ceil(d / 1000.0)::smallint, month, substance, synthetic, added_in, count(*), sum(kg_eq), sum(value_usd), max(seized_on)
    FROM (SELECT p.code, ST_Distance(s.geom::geography, p.g, false) AS d, s.month, s.substance, s.synthetic, s.added_in, s.kg_eq,
                 s.value_usd, s.seized_on
            FROM seizure_rollup_slice s
            JOIN (SELECT code, ST_Expand(geom, 1.3, 0.91) AS box, geom::geography AS g FROM blos) p ON s.geom && p.box) pairs
   WHERE d <= 100000
   GROUP BY 1, 2, month, substance, synthetic, added_in;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A seizure's versions are written once: added_in with the row, removed_in at most once (an undo, a
-- re-seed). Nothing else can rewrite history.
CREATE OR REPLACE FUNCTION seizures_history_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.added_in IS DISTINCT FROM OLD.added_in OR (OLD.removed_in IS NOT NULL AND NEW.removed_in IS DISTINCT FROM OLD.removed_in) THEN
    RAISE EXCEPTION 'seizure %: its data versions cannot be changed', OLD.id;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_history_guard BEFORE UPDATE OF added_in, removed_in ON seizures
  FOR EACH ROW EXECUTE FUNCTION seizures_history_guard();