-- When each row that a FHIR view shows last changed (meta.lastUpdated, _lastUpdated): the column's default on insert,
-- the kit's trigger function stamp_updated_at (V0_5) on every update that changes the row, however made (an entity's
-- flush, a version moved by its collection, a bulk update).

ALTER TABLE treatment_plan ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE treatment_plan SET updated_at = greatest(drafted_at, acknowledged_at, approved_at, ended_at);
ALTER TABLE treatment_plan ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER treatment_plan_updated_at BEFORE UPDATE ON treatment_plan FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();
