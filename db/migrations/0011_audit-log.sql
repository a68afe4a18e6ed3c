CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" text,
	"email" text,
	"role" text,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" integer NOT NULL,
	"rows" integer,
	"address" text,
	"user_agent" text,
	CONSTRAINT "audit_log_action" CHECK (action IN ('sign-in', 'sign-in-failed', 'sign-out', 'sessions-revoked', 'account-created', 'account-changed', 'import', 'import-dry-run', 'export', 'events', 'denied'))
);
--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_account_at" ON "audit_log" USING btree ("account_id","at");--> statement-breakpoint
-- Append-only: no statement may change or remove a row, whoever sends it (the app's own
-- connection included). Archiving old rows is a separate, logged path.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
