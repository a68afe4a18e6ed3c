-- A BLO's paired post across the border must itself be a BLO (checked at commit, so pairs load in any order).
ALTER TABLE "blos" ADD CONSTRAINT "blos_paired_code_fk" FOREIGN KEY ("paired_code") REFERENCES "blos"("code") DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
-- Nearest BLO of a seizure, worked out by PostGIS whenever a seizure is written or moved.
-- Candidates are ordered by great-circle distance (geography <->, sphere); the stored distance
-- is on the WGS84 spheroid, in km.
CREATE OR REPLACE FUNCTION seizures_set_nearest_blo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT b.code, ST_Distance(b.geom::geography, NEW.geom::geography) / 1000.0
    INTO NEW.nearest_blo, NEW.nearest_blo_km
    FROM blos b
    ORDER BY b.geom::geography <-> NEW.geom::geography
    LIMIT 1;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_nearest_blo BEFORE INSERT OR UPDATE OF geom ON seizures
  FOR EACH ROW EXECUTE FUNCTION seizures_set_nearest_blo();
