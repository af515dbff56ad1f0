-- FHIR Bulk Data export: a job each service runs for its own resource types, and what it found. A job is made for one
-- caller (an EHR client, or a member of staff), holds only what that caller may have at the time it ran, and is
-- deleted when it expires; its files are built from these rows at download, with consent checked again.
CREATE TABLE bulk_export_job (
    id            UUID PRIMARY KEY,
    caller        TEXT        NOT NULL,
    client_id     TEXT,
    staff         BOOLEAN     NOT NULL,
    request       TEXT        NOT NULL,
    types         TEXT[],
    since         TIMESTAMPTZ,
    status        TEXT        NOT NULL,
    error         TEXT,
    requested_at  TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX bulk_export_job_expires ON bulk_export_job (expires_at);

CREATE TABLE bulk_export_resource (
    job_id         UUID   NOT NULL REFERENCES bulk_export_job (id) ON DELETE CASCADE,
    seq            BIGSERIAL,
    resource_type  TEXT   NOT NULL,
    resource_id    TEXT   NOT NULL,
    patient_id     UUID   NOT NULL,
    category       TEXT   NOT NULL,
    resource       TEXT   NOT NULL,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX bulk_export_resource_type ON bulk_export_resource (job_id, resource_type, seq);
