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
-- Rebuilds the (month, substance) slices a statement touched, read from seizure_rollup_keys, which
-- seizure_rollups_refresh (0004) wrote: the `seizures_rollups_x_…` triggers fire after it (name order).
CREATE OR REPLACE FUNCTION seizure_routes_monthly_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM seizure_routes_monthly r USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE r.month = k.month AND r.substance = k.substance;
  INSERT INTO seizure_routes_monthly (month, substance, synthetic, nearest_blo, origin_country, destination_country, n, kg_eq, value_usd, last_seized_on)
  SELECT k.month, s.substance, s.synthetic, s.nearest_blo, s.origin_country, s.destination_country,
         count(*), sum(s.kg_eq), sum(s.value_usd), max(s.seized_on)
    FROM (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
    JOIN seizures s ON s.substance = k.substance AND s.seized_on >= k.month AND s.seized_on < (k.month + interval '1 month')
   GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_routes_insert AFTER INSERT ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_routes_monthly_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_routes_update AFTER UPDATE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_routes_monthly_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_routes_delete AFTER DELETE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_routes_monthly_refresh();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seizure_routes_monthly_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE seizure_routes_monthly;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_routes_truncate AFTER TRUNCATE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_routes_monthly_truncate();
