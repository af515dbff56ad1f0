-- Why a hold was taken: a consent change not applied (parked; released when it is), or records skipped unread
-- (every patient; released by an operator). Part of the key, so that the two never stand in for each other at one
-- offset.
ALTER TABLE consent_hold ADD COLUMN reason TEXT NOT NULL DEFAULT 'not-applied'
    CHECK (reason IN ('not-applied', 'skipped'));
ALTER TABLE consent_hold DROP CONSTRAINT consent_hold_pkey;
ALTER TABLE consent_hold ADD PRIMARY KEY (consumer, topic, partition, record_offset, reason);
-- Holds of everyone taken before the reason existed: records skipped (V0_9), or a parked change with neither a
-- readable patient nor an event id, which holds everyone just the same and is settled by an operator too.
UPDATE consent_hold SET reason = 'skipped' WHERE patient_id IS NULL AND event_id IS NULL;
