-- Parent of an H3 cell (64-bit index as bigint) at a coarser resolution, with integer operations:
-- bits 52–55 hold the resolution; digits finer than it are set to 7 (binary 111).
CREATE OR REPLACE FUNCTION h3_parent(cell bigint, res integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN (cell & ~((15::bigint << 52) | ((1::bigint << (3 * (15 - res))) - 1)))
         | ((res::bigint << 52) | ((1::bigint << (3 * (15 - res))) - 1));
--> statement-breakpoint
-- Keeps seizure_monthly, seizure_cells and seizure_blo_rings (0005) exact: after each statement that writes seizures, the
-- (month, substance) slices it touched are recomputed from the table itself. One set-based pass,
-- so a 1M-row bulk load costs one GROUP BY, and deletes and updates need no special arithmetic.
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

  DELETE FROM seizure_monthly m USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE m.month = k.month AND m.substance = k.substance;
  INSERT INTO seizure_monthly (month, substance, synthetic, nearest_blo, country, transport, concealment, n, kg_eq, value_usd, last_seized_on)
  SELECT k.month, s.substance, s.synthetic, s.nearest_blo, s.country, s.transport, s.concealment,
         count(*), sum(s.kg_eq), sum(s.value_usd), max(s.seized_on)
    FROM (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
    JOIN seizures s ON s.substance = k.substance AND s.seized_on >= k.month AND s.seized_on < (k.month + interval '1 month')
   GROUP BY k.month, s.substance, s.synthetic, s.nearest_blo, s.country, s.transport, s.concealment;

  DELETE FROM seizure_cells c USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE c.month = k.month AND c.substance = k.substance;
  INSERT INTO seizure_cells (month, substance, synthetic, cell, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat)
  SELECT k.month, s.substance, s.synthetic, h3_parent(s.cell, 6),
         count(*), sum(s.kg_eq), sum(s.value_usd), min(s.seized_on), max(s.seized_on), sum(ST_X(s.geom)), sum(ST_Y(s.geom))
    FROM (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
    JOIN seizures s ON s.substance = k.substance AND s.seized_on >= k.month AND s.seized_on < (k.month + interval '1 month')
   GROUP BY k.month, s.substance, s.synthetic, h3_parent(s.cell, 6);

  -- Catchment rings: each seizure against every BLO within 100 km (great circle, mean Earth radius),
  -- by whole-km ring. The degree box (1.3° lon × 0.91° lat ≥ 100 km south of 43.5° N) lets the
  -- planner use the geometry index before the exact distance.
  DELETE FROM seizure_blo_rings r USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE r.month = k.month AND r.substance = k.substance;
  INSERT INTO seizure_blo_rings (blo, ring, month, substance, synthetic, n, kg_eq, value_usd, last_seized_on)
  SELECT b.code, ceil(ST_Distance(s.geom::geography, b.geom::geography, false) / 1000.0)::smallint, k.month, s.substance, s.synthetic,
         count(*), sum(s.kg_eq), sum(s.value_usd), max(s.seized_on)
    FROM (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
    JOIN seizures s ON s.substance = k.substance AND s.seized_on >= k.month AND s.seized_on < (k.month + interval '1 month')
    JOIN blos b ON s.geom && ST_Expand(b.geom, 1.3, 0.91) AND ST_DWithin(s.geom::geography, b.geom::geography, 100000, false)
   GROUP BY 1, 2, k.month, s.substance, s.synthetic;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_insert AFTER INSERT ON seizures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION seizure_rollups_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_update AFTER UPDATE ON seizures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION seizure_rollups_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_delete AFTER DELETE ON seizures REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION seizure_rollups_refresh();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seizure_rollups_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE seizure_monthly, seizure_cells, seizure_blo_rings;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_truncate AFTER TRUNCATE ON seizures
  FOR EACH STATEMENT EXECUTE FUNCTION seizure_rollups_truncate();
