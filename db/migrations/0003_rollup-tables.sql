CREATE TABLE "seizure_cells" (
	"month" date NOT NULL,
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
CREATE TABLE "seizure_monthly" (
	"month" date NOT NULL,
	"substance" text NOT NULL,
	"synthetic" boolean NOT NULL,
	"nearest_blo" text,
	"country" char(2) NOT NULL,
	"transport" text NOT NULL,
	"concealment" text NOT NULL,
	"n" integer NOT NULL,
	"kg_eq" double precision NOT NULL,
	"value_usd" double precision NOT NULL,
	"last_seized_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seizure_cells_month_substance" ON "seizure_cells" USING btree ("month","substance");--> statement-breakpoint
CREATE INDEX "seizure_monthly_month_substance" ON "seizure_monthly" USING btree ("month","substance");