-- What an 837 needs beyond the charges: the payer's claim filing indicator, the subscriber as the payer knows them
-- (the patient: Cairn claims for patients who are their own subscriber), the patient's diagnoses, and the files.

-- SBR09: CI commercial, MC Medicaid, MB Medicare part B, BL Blue Cross Blue Shield, HM an HMO, ...
ALTER TABLE payer ADD COLUMN claim_filing_code TEXT NOT NULL DEFAULT 'CI';

-- Null on a coverage entered before they were asked for: its patient is held from claims until it is entered again.
ALTER TABLE coverage ADD COLUMN subscriber_given_name TEXT, ADD COLUMN subscriber_family_name TEXT,
    ADD COLUMN subscriber_birth_date DATE, ADD COLUMN subscriber_sex TEXT, ADD COLUMN address_line TEXT,
    ADD COLUMN city TEXT, ADD COLUMN state TEXT, ADD COLUMN postal_code TEXT;

-- ICD-10-CM codes, the principal first, as a clinician last recorded them for the patient's claims.
CREATE TABLE patient_diagnoses (
    patient_id    UUID        PRIMARY KEY,
    codes         JSONB       NOT NULL,
    recorded_by   TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    version       INT         NOT NULL
);
CREATE TRIGGER patient_diagnoses_updated_at BEFORE UPDATE ON patient_diagnoses FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION stamp_updated_at();

-- ISA13 and GS06 of each interchange the clinic sends: nine digits, unique until they wrap.
CREATE SEQUENCE interchange_control_number MINVALUE 1 MAXVALUE 999999999 CYCLE;

CREATE TABLE claim_file (
    id              UUID        PRIMARY KEY,
    payer_id        UUID        NOT NULL REFERENCES payer (id),
    claim_form      TEXT        NOT NULL,
    control_number  BIGINT      NOT NULL,
    content         TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE claim ADD COLUMN file_id UUID REFERENCES claim_file (id);
CREATE INDEX claim_by_file ON claim (file_id);
