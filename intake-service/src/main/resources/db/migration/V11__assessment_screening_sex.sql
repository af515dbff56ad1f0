-- The sex an assessment's screeners were last scored for (AUDIT-C's cut-off), sent with its completion so that a
-- re-screen is scored alike even when the patient's record changed in between. Null for an assessment saved before.
ALTER TABLE assessment ADD COLUMN screening_sex TEXT;
