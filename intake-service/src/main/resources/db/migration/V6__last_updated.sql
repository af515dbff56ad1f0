-- When each row that a FHIR view shows last changed (meta.lastUpdated, _lastUpdated): the column's default on insert,
-- the kit's trigger function stamp_updated_at (V0_5) on every update that changes the row, however made (an entity's
-- flush, a version moved by its collection, a bulk update).

ALTER TABLE assessment ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE assessment SET updated_at = coalesce(completed_at, started_at);
ALTER TABLE assessment ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER assessment_updated_at BEFORE UPDATE ON assessment FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

ALTER TABLE consent ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE consent SET updated_at = coalesce(revoked_at, given_at);
ALTER TABLE consent ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER consent_updated_at BEFORE UPDATE ON consent FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

ALTER TABLE referral ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE referral SET updated_at = received_at;
ALTER TABLE referral ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER referral_updated_at BEFORE UPDATE ON referral FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

-- Searches that page in the database sort by it (_sort=_lastUpdated) and select by it (_lastUpdated).
CREATE INDEX patient_updated_at ON patient (updated_at, id);
CREATE INDEX referral_updated_at ON referral (updated_at, id);
