-- The audit reader (io.cairn.kit.audit.AuditTrail) answers newest first in the order records were written (id), and
-- searches a time range by occurred_at: from now on a record's time is when it was written, not when its transaction
-- began, so that the two orders agree.
ALTER TABLE audit_event ALTER COLUMN occurred_at SET DEFAULT clock_timestamp();
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
