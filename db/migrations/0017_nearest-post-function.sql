-- The nearest BLO of a point, as one function: the per-row trigger (a seizure written or moved) and
-- the bulk load (all rows of a seed in one join) both call it, so they agree. Candidates are ordered
-- by great-circle distance (geography <->, sphere); the distance returned is on the WGS84 spheroid,
-- in km. LANGUAGE sql and a single SELECT: PostgreSQL inlines it into a lateral join.
CREATE OR REPLACE FUNCTION nearest_blo_of(p geometry) RETURNS TABLE (code text, km double precision)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT b.code, ST_Distance(b.geom::geography, p::geography) / 1000.0
    FROM blos b
   ORDER BY b.geom::geography <-> p::geography
   LIMIT 1
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seizures_set_nearest_blo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT n.code, n.km INTO NEW.nearest_blo, NEW.nearest_blo_km FROM nearest_blo_of(NEW.geom) n;
  RETURN NEW;
END
$$;
