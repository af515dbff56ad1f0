-- The re-screens a clinician set for a plan (#26): instrument and days between, replacing the clinic's defaults for the
-- plan's problems; none keeps the defaults.
ALTER TABLE treatment_plan ADD COLUMN measurement_schedule JSONB;
