CREATE TABLE "reporting_coverage" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_coverage_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"post" text NOT NULL,
	"month" date NOT NULL,
	"batch_id" bigint NOT NULL,
	"added_in" bigint NOT NULL,
	"removed_in" bigint,
	CONSTRAINT "reporting_coverage_month_start" CHECK (extract(day from "reporting_coverage"."month") = 1),
	CONSTRAINT "reporting_coverage_removed_after_added" CHECK ("reporting_coverage"."removed_in" > "reporting_coverage"."added_in")
);
--> statement-breakpoint
ALTER TABLE "reporting_coverage" ADD CONSTRAINT "reporting_coverage_post_blos_code_fk" FOREIGN KEY ("post") REFERENCES "public"."blos"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_coverage" ADD CONSTRAINT "reporting_coverage_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_coverage" ADD CONSTRAINT "reporting_coverage_added_in_data_versions_id_fk" FOREIGN KEY ("added_in") REFERENCES "public"."data_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_coverage" ADD CONSTRAINT "reporting_coverage_removed_in_data_versions_id_fk" FOREIGN KEY ("removed_in") REFERENCES "public"."data_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_coverage_current" ON "reporting_coverage" USING btree ("post","month","batch_id") WHERE "reporting_coverage"."removed_in" IS NULL;--> statement-breakpoint
CREATE INDEX "reporting_coverage_batch" ON "reporting_coverage" USING btree ("batch_id");