-- One refresh and one truncate for every rollup: seizure_monthly_blo (0006) had triggers of its own
-- that read the slice keys seizure_rollups_refresh wrote, which worked only because PostgreSQL fires
-- the triggers of one event in name order. It is now rebuilt inside seizure_rollups_refresh, right
-- after seizure_monthly, and emptied by seizure_rollups_truncate; its own triggers and functions go.
DROP TRIGGER IF EXISTS seizures_rollups_x_blo_insert ON seizures;
--> statement-breakpoint
DROP TRIGGER IF EXISTS seizures_rollups_x_blo_update ON seizures;
--> statement-breakpoint
DROP TRIGGER IF EXISTS seizures_rollups_x_blo_delete ON seizures;
--> statement-breakpoint
DROP TRIGGER IF EXISTS seizures_rollups_x_blo_truncate ON seizures;
--> statement-breakpoint
DROP FUNCTION IF EXISTS seizure_monthly_blo_refresh();
--> statement-breakpoint
DROP FUNCTION IF EXISTS seizure_monthly_blo_truncate();
--> statement-breakpoint
-- The refresh of 0008 with seizure_monthly_blo added.
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

  -- seizure_monthly without country, transport and concealment, from its rows just rebuilt (fewer than the slice's).
  DELETE FROM seizure_monthly_blo m USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE m.month = k.month AND m.substance = k.substance;
  INSERT INTO seizure_monthly_blo (month, substance, synthetic, nearest_blo, n, kg_eq, value_usd, last_seized_on)
  SELECT m.month, m.substance, m.synthetic, m.nearest_blo, sum(m.n), sum(m.kg_eq), sum(m.value_usd), max(m.last_seized_on)
    FROM seizure_monthly m
    JOIN (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k ON m.month = k.month AND m.substance = k.substance
   GROUP BY m.month, m.substance, m.synthetic, m.nearest_blo;

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
  TRUNCATE seizure_monthly, seizure_monthly_blo, seizure_routes_monthly, seizure_cells, seizure_cells_all, seizure_blo_rings;
  RETURN NULL;
END
$$;
