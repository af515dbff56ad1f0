-- Remittances (X12 835) posted against the claims: what each payer paid, line by line, with its adjustments.
CREATE TABLE remittance (
    id              UUID          PRIMARY KEY,
    -- ISA06 and TRN02: a payer's payment (its check or EFT trace number) is posted once, however often it is sent.
    sender_id       TEXT          NOT NULL,
    trace_number    TEXT          NOT NULL,
    paid_on         DATE,
    total           NUMERIC(13, 2) NOT NULL,
    content         TEXT          NOT NULL,
    posted_by       TEXT          NOT NULL,
    posted_at       TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (sender_id, trace_number)
);

-- One CLP: a claim as the payer adjudicated it.
CREATE TABLE claim_payment (
    id                      UUID          PRIMARY KEY,
    remittance_id           UUID          NOT NULL REFERENCES remittance (id),
    claim_id                UUID          NOT NULL REFERENCES claim (id),
    -- CLP02: 1, 2 or 3 processed as primary, secondary or tertiary; 4 denied; 22 a reversal of an earlier payment.
    status_code             TEXT          NOT NULL,
    charged                 NUMERIC(13, 2) NOT NULL,
    paid                    NUMERIC(13, 2) NOT NULL,
    patient_responsibility  NUMERIC(13, 2),
    payer_claim_number      TEXT,
    UNIQUE (remittance_id, claim_id)
);
CREATE INDEX claim_payment_by_claim ON claim_payment (claim_id);

-- One SVC: a line (a day's charge) as the payer paid it, and why it paid less (CAS: group, reason, amount).
CREATE TABLE line_payment (
    id                UUID          PRIMARY KEY,
    claim_payment_id  UUID          NOT NULL REFERENCES claim_payment (id),
    charge_id         UUID          NOT NULL REFERENCES charge (id),
    charged           NUMERIC(13, 2) NOT NULL,
    paid              NUMERIC(13, 2) NOT NULL,
    adjustments       JSONB         NOT NULL
);
CREATE INDEX line_payment_by_charge ON line_payment (charge_id);
