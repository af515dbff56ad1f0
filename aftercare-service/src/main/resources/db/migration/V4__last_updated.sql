-- When each row that a FHIR view shows last changed (meta.lastUpdated, _lastUpdated): the column's default on insert,
-- the kit's trigger function stamp_updated_at (V0_5) on every update that changes the row, however made (an entity's
-- flush, a version moved by its collection, a bulk update).

ALTER TABLE aftercare_referral ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE aftercare_referral SET updated_at = created_at;
ALTER TABLE aftercare_referral ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER aftercare_referral_updated_at BEFORE UPDATE ON aftercare_referral FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

ALTER TABLE check_in ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE check_in SET updated_at = coalesce(recorded_at, now());
ALTER TABLE check_in ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE TRIGGER check_in_updated_at BEFORE UPDATE ON check_in FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();
