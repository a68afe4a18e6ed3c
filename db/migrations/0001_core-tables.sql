CREATE TABLE "blos" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_ru" text NOT NULL,
	"alt_names" text[] DEFAULT '{}' NOT NULL,
	"country" char(2) NOT NULL,
	"neighbor" char(2) NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"paired_code" text,
	"opened_year" smallint,
	"confidence" text NOT NULL,
	"source" text NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"source_lon" double precision NOT NULL,
	"source_lat" double precision NOT NULL,
	"position_note" text,
	"inland_km" double precision,
	"inland_reason" text,
	CONSTRAINT "blos_kind" CHECK (kind IN ('road', 'rail', 'river')),
	CONSTRAINT "blos_status" CHECK (status IN ('confirmed', 'unconfirmed')),
	CONSTRAINT "blos_confidence" CHECK (confidence IN ('high', 'medium', 'low')),
	CONSTRAINT "blos_inland_has_reason" CHECK (("blos"."inland_km" IS NULL) = ("blos"."inland_reason" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "borders" (
	"a" char(2) NOT NULL,
	"b" char(2) NOT NULL,
	"length_km" double precision NOT NULL,
	"geom" geometry(MultiLineString,4326) NOT NULL,
	CONSTRAINT "borders_ordered_pair" CHECK ("borders"."a" < "borders"."b")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"iso2" char(2) PRIMARY KEY NOT NULL,
	"iso_numeric" char(3) NOT NULL,
	"name" text NOT NULL,
	"name_ru" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"file_name" text,
	"rows" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_batches_kind" CHECK (kind IN ('public', 'synthetic', 'import'))
);
--> statement-breakpoint
CREATE TABLE "import_rejections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"batch_id" bigint NOT NULL,
	"line" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"reasons" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seizures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "seizures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seized_on" date NOT NULL,
	"date_precision" text NOT NULL,
	"substance" text NOT NULL,
	"quantity" double precision NOT NULL,
	"unit" text NOT NULL,
	"kg_eq" double precision NOT NULL,
	"value_usd" double precision NOT NULL,
	"price_usd_per_kg" double precision NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"location_precision" text NOT NULL,
	"nearest_blo" text,
	"nearest_blo_km" double precision,
	"cell" bigint NOT NULL,
	"country" char(2) NOT NULL,
	"transport" text NOT NULL,
	"concealment" text NOT NULL,
	"detection" text NOT NULL,
	"origin_country" char(2),
	"destination_country" char(2),
	"source_ref" text,
	"notes" text,
	"synthetic" boolean NOT NULL,
	"batch_id" bigint NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seizures_quantity_positive" CHECK ("seizures"."quantity" > 0),
	CONSTRAINT "seizures_kg_eq_nonnegative" CHECK ("seizures"."kg_eq" >= 0 AND "seizures"."value_usd" >= 0),
	CONSTRAINT "seizures_unit" CHECK (unit IN ('kg', 'l', 'units')),
	CONSTRAINT "seizures_date_precision" CHECK (date_precision IN ('day', 'month')),
	CONSTRAINT "seizures_location_precision" CHECK (location_precision IN ('exact', 'crossing', 'place', 'district', 'region')),
	CONSTRAINT "seizures_transport" CHECK (transport IN ('truck', 'car', 'bus', 'rail', 'pedestrian', 'river', 'unknown')),
	CONSTRAINT "seizures_concealment" CHECK (concealment IN ('cargo', 'vehicle-cache', 'luggage', 'body', 'on-person', 'terrain', 'unknown')),
	CONSTRAINT "seizures_detection" CHECK (detection IN ('dog', 'x-ray', 'risk-profiling', 'intelligence', 'inspection', 'patrol', 'unknown')),
	CONSTRAINT "seizures_geom_in_range" CHECK (ST_X("seizures"."geom") BETWEEN -180 AND 180 AND ST_Y("seizures"."geom") BETWEEN -90 AND 90)
);
--> statement-breakpoint
CREATE TABLE "substances" (
	"code" text PRIMARY KEY NOT NULL,
	"group_code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"default_unit" text NOT NULL,
	"price_usd_per_kg" double precision NOT NULL,
	CONSTRAINT "substances_group" CHECK (group_code IN ('opiates', 'cannabis', 'synthetics', 'pharmaceutical-opioids', 'precursors')),
	CONSTRAINT "substances_default_unit" CHECK (default_unit IN ('kg', 'l', 'units'))
);
--> statement-breakpoint
ALTER TABLE "blos" ADD CONSTRAINT "blos_country_countries_iso2_fk" FOREIGN KEY ("country") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blos" ADD CONSTRAINT "blos_neighbor_countries_iso2_fk" FOREIGN KEY ("neighbor") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borders" ADD CONSTRAINT "borders_a_countries_iso2_fk" FOREIGN KEY ("a") REFERENCES "public"."countries"("iso2") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "borders" ADD CONSTRAINT "borders_b_countries_iso2_fk" FOREIGN KEY ("b") REFERENCES "public"."countries"("iso2") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejections" ADD CONSTRAINT "import_rejections_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_substance_substances_code_fk" FOREIGN KEY ("substance") REFERENCES "public"."substances"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_nearest_blo_blos_code_fk" FOREIGN KEY ("nearest_blo") REFERENCES "public"."blos"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_country_countries_iso2_fk" FOREIGN KEY ("country") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blos_geom_gist" ON "blos" USING gist ("geom");--> statement-breakpoint
CREATE UNIQUE INDEX "borders_pair" ON "borders" USING btree ("a","b");--> statement-breakpoint
CREATE INDEX "borders_geom_gist" ON "borders" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "countries_geom_gist" ON "countries" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "import_rejections_batch" ON "import_rejections" USING btree ("batch_id","line");--> statement-breakpoint
CREATE INDEX "seizures_geom_gist" ON "seizures" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "seizures_seized_on" ON "seizures" USING btree ("seized_on");--> statement-breakpoint
CREATE INDEX "seizures_substance_seized_on" ON "seizures" USING btree ("substance","seized_on");--> statement-breakpoint
CREATE INDEX "seizures_nearest_blo" ON "seizures" USING btree ("nearest_blo");--> statement-breakpoint
CREATE INDEX "seizures_batch" ON "seizures" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seizures_dedupe_key" ON "seizures" USING btree ("dedupe_key");