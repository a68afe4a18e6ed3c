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
