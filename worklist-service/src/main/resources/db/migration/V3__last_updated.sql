-- When each row that a FHIR view shows last changed (meta.lastUpdated, _lastUpdated): the column's default on insert,
-- the kit's trigger function stamp_updated_at (V0_5) on every update that changes the row, however made (an entity's
-- flush, a version moved by its collection, a bulk update).

ALTER TABLE care_task ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE care_task SET updated_at = greatest(created_at, claimed_at, closed_at, escalated_at);
ALTER TABLE care_task ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER care_task_updated_at BEFORE UPDATE ON care_task FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

-- The worklist's FHIR search pages in the database and sorts by it (_sort=_lastUpdated).
CREATE INDEX care_task_updated_at ON care_task (updated_at, id);
