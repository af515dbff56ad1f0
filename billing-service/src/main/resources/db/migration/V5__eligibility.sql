-- Eligibility: a 270 inquiry built for a coverage, and the payer's 271 answer read back.
CREATE TABLE eligibility_check (
    id               UUID        PRIMARY KEY,
    coverage_id      UUID        NOT NULL REFERENCES coverage (id),
    patient_id       UUID        NOT NULL,
    -- TRN02 of the 270: the 271 answering it names it again.
    trace_number     TEXT        NOT NULL UNIQUE,
    request          TEXT        NOT NULL,
    requested_by     TEXT        NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    response         TEXT,
    answered_at      TIMESTAMPTZ,
    -- From the 271: whether the coverage is active (EB01 1), the plan's dates, the program's service types found
    -- active, and the payer's reasons for not answering (AAA03), if any.
    active           BOOLEAN,
    plan_begins_on   DATE,
    plan_ends_on     DATE,
    active_services  JSONB,
    rejections       JSONB,
    version          INT         NOT NULL
);
CREATE INDEX eligibility_check_by_coverage ON eligibility_check (coverage_id, requested_at);
