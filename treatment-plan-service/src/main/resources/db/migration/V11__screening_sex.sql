-- The sex intake scored a patient's screeners for (intake.assessment.completed's screeningSex, the latest assessment's):
-- a re-screen of the AUDIT uses the same AUDIT-C cut-off. A patient without a row is scored with the cautious one.
CREATE TABLE screening_sex (
    patient_id  UUID PRIMARY KEY,
    sex         TEXT        NOT NULL,
    assessed_at TIMESTAMPTZ NOT NULL
);
