-- When a track's cohort last changed (its FHIR Group's meta.lastUpdated): the track's row or any enrollment in it,
-- stamped as V3 stamps sessions, bookings and attendance.

ALTER TABLE track ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE track SET updated_at = now();
ALTER TABLE track ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER track_updated_at BEFORE UPDATE ON track FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

ALTER TABLE enrollment ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE enrollment SET updated_at = coalesce(decided_at, now());
ALTER TABLE enrollment ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER enrollment_updated_at BEFORE UPDATE ON enrollment FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();
