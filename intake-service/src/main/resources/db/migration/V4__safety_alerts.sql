-- Each safety finding an assessment showed, raised once: saving the same answers again raises nothing new.
CREATE TABLE safety_alert (
    id             UUID PRIMARY KEY,
    assessment_id  UUID        NOT NULL REFERENCES assessment (id),
    patient_id     UUID        NOT NULL,
    finding        TEXT        NOT NULL,
    raised_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (assessment_id, finding)
);
