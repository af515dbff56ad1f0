-- Patients, the referrals that bring them in, and their 42 CFR Part 2 consents.

CREATE TABLE patient (
    id                             UUID PRIMARY KEY,
    given_name                     TEXT        NOT NULL,
    family_name                    TEXT        NOT NULL,
    birth_date                     DATE        NOT NULL,
    sex                            TEXT        NOT NULL,
    age_group                      TEXT        NOT NULL,
    preferred_schedule             TEXT,
    phone                          TEXT,
    email                          TEXT,
    address_line                   TEXT,
    city                           TEXT,
    state                          TEXT,
    postal_code                    TEXT,
    emergency_contact_name         TEXT,
    emergency_contact_relationship TEXT,
    emergency_contact_phone        TEXT,
    created_at                     TIMESTAMPTZ NOT NULL,
    updated_at                     TIMESTAMPTZ NOT NULL,
    version                        INT         NOT NULL
);
CREATE INDEX patient_family_name ON patient (lower(family_name));
CREATE INDEX patient_birth_date ON patient (birth_date);

-- An EHR's medical record number identifies one patient per EHR system.
CREATE TABLE patient_identifier (
    patient_id  UUID NOT NULL REFERENCES patient (id),
    system      TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (system, value)
);
CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id);

CREATE TABLE referral (
    id                      UUID PRIMARY KEY,
    patient_id              UUID        NOT NULL REFERENCES patient (id),
    source                  TEXT        NOT NULL,
    referring_organization  TEXT,
    referring_contact_name  TEXT,
    referring_contact_phone TEXT,
    referring_contact_email TEXT,
    reason                  TEXT        NOT NULL,
    urgency                 TEXT        NOT NULL,
    status                  TEXT        NOT NULL,
    readmission_of          UUID REFERENCES referral (id),
    received_at             TIMESTAMPTZ NOT NULL,
    version                 INT         NOT NULL
);
CREATE INDEX referral_patient ON referral (patient_id, received_at);

-- Who moved a referral along its pipeline, and when.
CREATE TABLE referral_transition (
    id           BIGSERIAL PRIMARY KEY,
    referral_id  UUID        NOT NULL REFERENCES referral (id),
    from_status  TEXT,
    to_status    TEXT        NOT NULL,
    changed_by   TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    note         TEXT
);
CREATE INDEX referral_transition_referral ON referral_transition (referral_id, id);

CREATE TABLE consent (
    id                 UUID PRIMARY KEY,
    patient_id         UUID        NOT NULL REFERENCES patient (id),
    recipient          TEXT        NOT NULL,
    purpose            TEXT        NOT NULL,
    record_categories  TEXT[]      NOT NULL,
    effective_from     DATE        NOT NULL,
    expires_on         DATE,
    status             TEXT        NOT NULL,
    given_at           TIMESTAMPTZ NOT NULL,
    revoked_at         TIMESTAMPTZ,
    revocation_reason  TEXT,
    version            INT         NOT NULL
);
CREATE INDEX consent_patient_recipient ON consent (patient_id, recipient);
