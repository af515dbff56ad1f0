-- When each row that a FHIR view shows last changed (meta.lastUpdated, _lastUpdated): stamped by the database
-- on every insert and update, however made (an entity's flush, a version moved by its collection, a bulk
-- update), at the statement's clock time rather than the transaction's start, so a sync that asks for what
-- changed since its last read misses as little as a commit's delay.
CREATE FUNCTION stamp_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END
$$;

ALTER TABLE treatment_plan ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE treatment_plan SET updated_at = greatest(drafted_at, acknowledged_at, approved_at, ended_at);
ALTER TABLE treatment_plan ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER treatment_plan_updated_at BEFORE UPDATE ON treatment_plan FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();
