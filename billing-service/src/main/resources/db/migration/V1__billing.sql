-- Billing: the payers a clinic bills and the codes each wants, each patient's coverage, the attendance the other
-- services announced, and the charges that come of it.

-- A payer and how the clinic bills it for a day of the program: a per diem (HCPCS S9480 or H0015) on a professional
-- claim (837P) or, with a revenue code (0905 or 0906), on an institutional one (837I).
CREATE TABLE payer (
    id                            UUID          PRIMARY KEY,
    name                          TEXT          NOT NULL,
    -- The payer's id on X12 claims and eligibility requests (NM109 of the payer's NM1 loop).
    payer_code                    TEXT          NOT NULL UNIQUE,
    claim_form                    TEXT          NOT NULL CHECK (claim_form IN ('PROFESSIONAL', 'INSTITUTIONAL')),
    procedure_code                TEXT          NOT NULL,
    revenue_code                  TEXT,
    place_of_service              TEXT          NOT NULL,
    day_rate                      NUMERIC(9, 2) NOT NULL CHECK (day_rate > 0),
    -- A day with fewer documented minutes than this is not billed.
    minimum_minutes               INT           NOT NULL CHECK (minimum_minutes BETWEEN 1 AND 1440),
    created_at                    TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    updated_at                    TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    version                       INT           NOT NULL,
    CHECK ((claim_form = 'INSTITUTIONAL') = (revenue_code IS NOT NULL))
);
CREATE TRIGGER payer_updated_at BEFORE UPDATE ON payer FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

-- A patient's insurance with a payer: primary or secondary, from a date, until one if it ended.
CREATE TABLE coverage (
    id              UUID        PRIMARY KEY,
    patient_id      UUID        NOT NULL,
    payer_id        UUID        NOT NULL REFERENCES payer (id),
    rank            TEXT        NOT NULL CHECK (rank IN ('PRIMARY', 'SECONDARY')),
    member_id       TEXT        NOT NULL,
    group_number    TEXT,
    plan_name       TEXT,
    starts_on       DATE        NOT NULL,
    ends_on         DATE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    version         INT         NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX coverage_by_patient ON coverage (patient_id, rank, starts_on);
CREATE TRIGGER coverage_updated_at BEFORE UPDATE ON coverage FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();

-- Each attendance scheduling announced (scheduling.attendance.recorded), as last corrected: the documentation a day's
-- charge rests on.
CREATE TABLE attended_session (
    attendance_id     UUID        PRIMARY KEY,
    patient_id        UUID        NOT NULL,
    session_id        UUID        NOT NULL,
    session_kind      TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    minutes_attended  INT         NOT NULL,
    session_date      DATE        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX attended_session_by_day ON attended_session (patient_id, session_date);

-- A day of the program billed to a coverage: one unit of its payer's per diem. A correction that takes the day below
-- the payer's minimum, or a coverage that no longer covers it, voids an open charge; a day has at most one charge that
-- is not void, however often its attendance is announced.
CREATE TABLE charge (
    id                  UUID          PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    service_date        DATE          NOT NULL,
    coverage_id         UUID          NOT NULL REFERENCES coverage (id),
    payer_id            UUID          NOT NULL REFERENCES payer (id),
    claim_form          TEXT          NOT NULL,
    procedure_code      TEXT          NOT NULL,
    revenue_code        TEXT,
    place_of_service    TEXT          NOT NULL,
    units               INT           NOT NULL,
    amount              NUMERIC(9, 2) NOT NULL,
    minutes_documented  INT           NOT NULL,
    status              TEXT          NOT NULL CHECK (status IN ('OPEN', 'VOID')),
    void_reason         TEXT,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    version             INT           NOT NULL
);
CREATE UNIQUE INDEX charge_one_per_day ON charge (patient_id, service_date) WHERE status <> 'VOID';
CREATE INDEX charge_by_patient ON charge (patient_id, service_date);
CREATE TRIGGER charge_updated_at BEFORE UPDATE ON charge FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();
