-- A tiny stand-in for a service's own tables, to test the kit inside real transactions.
CREATE TABLE referral_note (
    id          UUID PRIMARY KEY,
    patient_id  UUID NOT NULL,
    text        TEXT NOT NULL,
    version     INT  NOT NULL
);

CREATE TABLE patient_tally (
    patient_id  UUID PRIMARY KEY,
    events      INT  NOT NULL
);
