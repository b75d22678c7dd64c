-- The state of the app's data, for the pages kept across readers (lib/db/snapshot-cache.ts). Every
-- transaction that changes a row of a tracked table adds its id to "DataWrite" once, in the same
-- transaction: the row becomes visible exactly when the data does. Row triggers, not statement
-- ones: reads run statements that change nothing (the day's counts inserted if missing), and those
-- must leave the state as it was. Within one epoch the visible rows
-- only grow, so (epoch, their count) names one state of the committed writes. Emptying the table
-- bumps the epoch in the same statement. Untracked: tables no kept page reads, written in the
-- background or on every sign-in (the list is UNTRACKED_TABLES; a test holds them equal).
CREATE TABLE "DataWrite" (
    "xid" BIGINT NOT NULL,
    CONSTRAINT "DataWrite_pkey" PRIMARY KEY ("xid")
);

CREATE TABLE "DataWriteEpoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "epoch" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "DataWriteEpoch_pkey" PRIMARY KEY ("id")
);

INSERT INTO "DataWriteEpoch" DEFAULT VALUES;

CREATE FUNCTION data_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataWrite" (xid) VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('_prisma_migrations', '_bench_data_set', 'DataWrite', 'DataWriteEpoch', 'AuditEvent', 'MailMessage', 'MailNoticeSent', 'MailToken',
                              'Notification', 'RecoveryCode', 'SignInChallenge', 'SignInFailure', 'SignInLock', 'UserSession')
  LOOP
    EXECUTE format('CREATE TRIGGER data_written AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION data_written()', t);
    EXECUTE format('CREATE TRIGGER data_truncated AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_written()', t);
  END LOOP;
END
$$;
