CREATE TABLE "seizure_monthly_blo" (
	"month" date NOT NULL,
	"substance" text NOT NULL,
	"synthetic" boolean NOT NULL,
	"nearest_blo" text,
	"n" integer NOT NULL,
	"kg_eq" double precision NOT NULL,
	"value_usd" double precision NOT NULL,
	"last_seized_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seizure_monthly_blo_month_substance" ON "seizure_monthly_blo" USING btree ("month","substance");--> statement-breakpoint
INSERT INTO "seizure_monthly_blo" (month, substance, synthetic, nearest_blo, n, kg_eq, value_usd, last_seized_on)
SELECT month, substance, synthetic, nearest_blo, sum(n), sum(kg_eq), sum(value_usd), max(last_seized_on)
  FROM seizure_monthly
 GROUP BY month, substance, synthetic, nearest_blo;
--> statement-breakpoint
-- Rebuilds the touched (month, substance) slices of seizure_monthly_blo from seizure_monthly. It reads
-- the slice keys that seizure_rollups_refresh (0004) wrote for this statement: triggers of one event fire
-- in name order, and the `seizures_rollups_x_…` names sort after `seizures_rollups_{insert,update,delete}`.
CREATE OR REPLACE FUNCTION seizure_monthly_blo_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM seizure_monthly_blo m USING (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k
   WHERE m.month = k.month AND m.substance = k.substance;
  INSERT INTO seizure_monthly_blo (month, substance, synthetic, nearest_blo, n, kg_eq, value_usd, last_seized_on)
  SELECT m.month, m.substance, m.synthetic, m.nearest_blo, sum(m.n), sum(m.kg_eq), sum(m.value_usd), max(m.last_seized_on)
    FROM seizure_monthly m
    JOIN (SELECT DISTINCT month, substance FROM seizure_rollup_keys) k ON m.month = k.month AND m.substance = k.substance
   GROUP BY m.month, m.substance, m.synthetic, m.nearest_blo;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_blo_insert AFTER INSERT ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_monthly_blo_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_blo_update AFTER UPDATE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_monthly_blo_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_blo_delete AFTER DELETE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_monthly_blo_refresh();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seizure_monthly_blo_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE seizure_monthly_blo;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_blo_truncate AFTER TRUNCATE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_monthly_blo_truncate();
