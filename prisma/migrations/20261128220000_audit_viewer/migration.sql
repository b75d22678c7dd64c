-- The audit viewer filters by action, newest first.
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- The audit trail and the report history cannot be emptied wholesale either: TRUNCATE skips the
-- row triggers of the first migration, so it gets a statement trigger of its own.
CREATE TRIGGER "AuditEvent_never_truncated" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_history_change"();
CREATE TRIGGER "StatusUpdate_never_truncated" BEFORE TRUNCATE ON "StatusUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_history_change"();
