-- When each row that a FHIR view shows last changed (meta.lastUpdated, _lastUpdated): the column's default on insert,
-- the kit's trigger function stamp_updated_at (V0_5) on every update that changes the row, however made (an entity's
-- flush, a version moved by its collection, a bulk update).

ALTER TABLE session ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE session SET updated_at = now();
ALTER TABLE session ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER session_updated_at BEFORE UPDATE ON session FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

ALTER TABLE booking ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE booking SET updated_at = booked_at;
ALTER TABLE booking ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER booking_updated_at BEFORE UPDATE ON booking FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

ALTER TABLE attendance ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE attendance SET updated_at = recorded_at;
ALTER TABLE attendance ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER attendance_updated_at BEFORE UPDATE ON attendance FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();
