CREATE TABLE "seizure_cells_all" (
	"substance" text NOT NULL,
	"synthetic" boolean NOT NULL,
	"cell" bigint NOT NULL,
	"n" integer NOT NULL,
	"kg_eq" double precision NOT NULL,
	"value_usd" double precision NOT NULL,
	"first_seized_on" date NOT NULL,
	"last_seized_on" date NOT NULL,
	"sum_lng" double precision NOT NULL,
	"sum_lat" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seizure_cells_all_substance" ON "seizure_cells_all" USING btree ("substance");--> statement-breakpoint
INSERT INTO "seizure_cells_all" (substance, synthetic, cell, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat)
SELECT substance, synthetic, cell, sum(n), sum(kg_eq), sum(value_usd), min(first_seized_on), max(last_seized_on), sum(sum_lng), sum(sum_lat)
  FROM seizure_cells
 GROUP BY substance, synthetic, cell;
--> statement-breakpoint
-- Rebuilds the substances a statement touched from seizure_cells, after seizure_rollups_refresh (0004)
-- has rebuilt that table's slices: the `seizures_rollups_x_…` triggers fire after it (name order).
CREATE OR REPLACE FUNCTION seizure_cells_all_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM seizure_cells_all WHERE substance IN (SELECT substance FROM seizure_rollup_keys);
  INSERT INTO seizure_cells_all (substance, synthetic, cell, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat)
  SELECT substance, synthetic, cell, sum(n), sum(kg_eq), sum(value_usd), min(first_seized_on), max(last_seized_on), sum(sum_lng), sum(sum_lat)
    FROM seizure_cells
   WHERE substance IN (SELECT substance FROM seizure_rollup_keys)
   GROUP BY substance, synthetic, cell;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_cells_insert AFTER INSERT ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_cells_all_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_cells_update AFTER UPDATE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_cells_all_refresh();
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_cells_delete AFTER DELETE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_cells_all_refresh();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seizure_cells_all_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE seizure_cells_all;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER seizures_rollups_x_cells_truncate AFTER TRUNCATE ON seizures FOR EACH STATEMENT EXECUTE FUNCTION seizure_cells_all_truncate();
