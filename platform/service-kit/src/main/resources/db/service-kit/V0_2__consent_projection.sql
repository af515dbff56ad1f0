-- Each service's copy of the 42 CFR Part 2 consents intake owns (from intake.consent.changed).
CREATE TABLE consent_projection (
    consent_id         UUID PRIMARY KEY,
    patient_id         UUID        NOT NULL,
    recipient          TEXT        NOT NULL,
    record_categories  TEXT[]      NOT NULL,
    status             TEXT        NOT NULL,
    effective_from     DATE        NOT NULL,
    expires_on         DATE,
    changed_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX consent_projection_patient_recipient ON consent_projection (patient_id, recipient);
