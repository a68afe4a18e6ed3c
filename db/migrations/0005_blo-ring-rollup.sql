CREATE TABLE "seizure_blo_rings" (
	"blo" text NOT NULL,
	"ring" smallint NOT NULL,
	"month" date NOT NULL,
	"substance" text NOT NULL,
	"synthetic" boolean NOT NULL,
	"n" integer NOT NULL,
	"kg_eq" double precision NOT NULL,
	"value_usd" double precision NOT NULL,
	"last_seized_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seizure_blo_rings_blo_ring" ON "seizure_blo_rings" USING btree ("blo","ring");--> statement-breakpoint
CREATE INDEX "seizure_blo_rings_month_substance" ON "seizure_blo_rings" USING btree ("month","substance");