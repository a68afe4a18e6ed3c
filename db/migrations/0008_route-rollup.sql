CREATE TABLE "seizure_routes_monthly" (
	"month" date NOT NULL,
	"substance" text NOT NULL,
	"synthetic" boolean NOT NULL,
	"nearest_blo" text,
	"origin_country" char(2),
	"destination_country" char(2),
	"n" integer NOT NULL,
	"kg_eq" double precision NOT NULL,
	"value_usd" double precision NOT NULL,
	"last_seized_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seizure_routes_monthly_month_substance" ON "seizure_routes_monthly" USING btree ("month","substance");--> statement-breakpoint
INSERT INTO "seizure_routes_monthly" (month, substance, synthetic, nearest_blo, origin_country, destination_country, n, kg_eq, value_usd, last_seized_on)
SELECT date_trunc('month', seized_on)::date, substance, synthetic, nearest_blo, origin_country, destination_country,
       count(*), sum(kg_eq), sum(value_usd), max(seized_on)
  FROM seizures
 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
-- seizure_rollups_refresh (0004), now also rebuilding seizure_routes_monthly from the same slice (which
-- gains the origin and destination columns) and, after seizure_cells, seizure_cells_all (0007) for the
-- substances touched. The slice join also matches the month as an equality:
-- with only the substance to hash on, a bulk load compared every seizure with every touched month of
-- its substance (84 million comparisons for 1M rows). The keys are analyzed, so a one-row write
-- still finds its slice through the (substance, seized_on) index.
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
         s.destination_country, s.kg_eq, s.value_usd, s.seized_on, s.geom, s.cell
    FROM (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
    JOIN seizures s ON s.substance = k.substance AND date_trunc('month', s.seized_on)::date = k.month
                   AND s.seized_on >= k.month AND s.seized_on < (k.month + interval '1 month');

  DELETE FROM seizure_monthly m USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE m.month = k.month AND m.substance = k.substance;
  INSERT INTO seizure_monthly (month, substance, synthetic, nearest_blo, country, transport, concealment, n, kg_eq, value_usd, last_seized_on)
  SELECT month, substance, synthetic, nearest_blo, country, transport, concealment, count(*), sum(kg_eq), sum(value_usd), max(seized_on)
    FROM seizure_rollup_slice
   GROUP BY month, substance, synthetic, nearest_blo, country, transport, concealment;

  DELETE FROM seizure_routes_monthly r USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE r.month = k.month AND r.substance = k.substance;
  INSERT INTO seizure_routes_monthly (month, substance, synthetic, nearest_blo, origin_country, destination_country, n, kg_eq, value_usd, last_seized_on)
  SELECT month, substance, synthetic, nearest_blo, origin_country, destination_country, count(*), sum(kg_eq), sum(value_usd), max(seized_on)
    FROM seizure_rollup_slice
   GROUP BY month, substance, synthetic, nearest_blo, origin_country, destination_country;

  DELETE FROM seizure_cells c USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE c.month = k.month AND c.substance = k.substance;
  INSERT INTO seizure_cells (month, substance, synthetic, cell, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat)
  SELECT month, substance, synthetic, h3_parent(cell, 6), count(*), sum(kg_eq), sum(value_usd), min(seized_on), max(seized_on),
         sum(ST_X(geom)), sum(ST_Y(geom))
    FROM seizure_rollup_slice
   GROUP BY month, substance, synthetic, h3_parent(cell, 6);

  DELETE FROM seizure_cells_all WHERE substance IN (SELECT substance FROM seizure_rollup_keys);
  INSERT INTO seizure_cells_all (substance, synthetic, cell, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat)
  SELECT substance, synthetic, cell, sum(n), sum(kg_eq), sum(value_usd), min(first_seized_on), max(last_seized_on), sum(sum_lng), sum(sum_lat)
    FROM seizure_cells
   WHERE substance IN (SELECT substance FROM seizure_rollup_keys)
   GROUP BY substance, synthetic, cell;

  -- Catchment rings: each seizure against every BLO within 100 km (great circle, mean Earth radius),
  -- by whole-km ring. The degree box (1.3° lon × 0.91° lat, ≥ 100 km south of 43.5° N) skips far
  -- pairs before the distance is computed, once per pair.
  DELETE FROM seizure_blo_rings r USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE r.month = k.month AND r.substance = k.substance;
  INSERT INTO seizure_blo_rings (blo, ring, month, substance, synthetic, n, kg_eq, value_usd, last_seized_on)
  SELECT code, ceil(d / 1000.0)::smallint, month, substance, synthetic, count(*), sum(kg_eq), sum(value_usd), max(seized_on)
    FROM (SELECT p.code, ST_Distance(s.geom::geography, p.g, false) AS d, s.month, s.substance, s.synthetic, s.kg_eq, s.value_usd, s.seized_on
            FROM seizure_rollup_slice s
            JOIN (SELECT code, ST_Expand(geom, 1.3, 0.91) AS box, geom::geography AS g FROM blos) p ON s.geom && p.box) pairs
   WHERE d <= 100000
   GROUP BY 1, 2, month, substance, synthetic;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seizure_rollups_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE seizure_monthly, seizure_routes_monthly, seizure_cells, seizure_cells_all, seizure_blo_rings;
  RETURN NULL;
END
$$;
