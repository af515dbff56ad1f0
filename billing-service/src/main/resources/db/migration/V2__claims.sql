-- Claims: a patient's open charges to one coverage, claimed from its payer under the patient's Part 2 consent for
-- payment (each claim discloses the patient's attendance to the payer).
CREATE TABLE claim (
    id            UUID          PRIMARY KEY,
    patient_id    UUID          NOT NULL,
    coverage_id   UUID          NOT NULL REFERENCES coverage (id),
    payer_id      UUID          NOT NULL REFERENCES payer (id),
    claim_form    TEXT          NOT NULL,
    -- The consent the disclosure rests on.
    consent_id    UUID          NOT NULL,
    first_day     DATE          NOT NULL,
    last_day      DATE          NOT NULL,
    total         NUMERIC(11, 2) NOT NULL,
    created_by    TEXT          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    version       INT           NOT NULL
);
CREATE INDEX claim_by_patient ON claim (patient_id, created_at);
CREATE INDEX claim_by_payer ON claim (payer_id, created_at);
CREATE TRIGGER claim_updated_at BEFORE UPDATE ON claim FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

-- A charge claimed is no longer the day's to decide again: a later correction needs a corrected claim.
ALTER TABLE charge ADD COLUMN claim_id UUID REFERENCES claim (id);
ALTER TABLE charge DROP CONSTRAINT charge_status_check;
ALTER TABLE charge ADD CONSTRAINT charge_status_check CHECK (status IN ('OPEN', 'VOID', 'CLAIMED'));
ALTER TABLE charge ADD CONSTRAINT charge_claimed_has_claim CHECK ((status = 'CLAIMED') = (claim_id IS NOT NULL));
CREATE INDEX charge_open_by_payer ON charge (payer_id, service_date) WHERE status = 'OPEN';
