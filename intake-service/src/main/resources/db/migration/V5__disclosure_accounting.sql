-- The patients' accounting of disclosures (42 CFR Part 2): every record any service disclosed to an outside
-- recipient, kept from the services' disclosure.recorded events. Never purged: HIPAA keeps it six years.
CREATE TABLE disclosure (
    disclosure_id   UUID PRIMARY KEY,
    patient_id      UUID        NOT NULL,
    recipient       TEXT        NOT NULL,
    -- The service that disclosed it: intake, treatment-plan, scheduling or aftercare.
    service         TEXT        NOT NULL,
    record_category TEXT        NOT NULL,
    resource_type   TEXT        NOT NULL,
    resource_id     TEXT        NOT NULL,
    consent_id      UUID        NOT NULL,
    disclosed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX disclosure_patient ON disclosure (patient_id, disclosed_at, disclosure_id);
