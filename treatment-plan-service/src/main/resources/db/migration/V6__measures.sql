-- Measurement-based care (#26): each scored screener of a patient in the program, kept as a series per instrument.
-- The baseline is what the assessment that drafted the plan found (its answers stay in intake, where they were given);
-- re-screens are answered during the program, by the patient or with a clinician, and keep their answers.
CREATE TABLE measure (
    id             UUID PRIMARY KEY,
    patient_id     UUID        NOT NULL,
    plan_id        UUID        NOT NULL REFERENCES treatment_plan (id),
    instrument     TEXT        NOT NULL,
    score          INT         NOT NULL,
    band           TEXT        NOT NULL,
    safety_alert   BOOLEAN     NOT NULL,
    findings       TEXT[]      NOT NULL,
    answers        JSONB,
    source         TEXT        NOT NULL CHECK (source IN ('assessment', 're-screen')),
    assessment_id  UUID,
    taken_on       DATE        NOT NULL,
    taken_at       TIMESTAMPTZ NOT NULL,
    recorded_by    TEXT        NOT NULL,
    CHECK ((source = 'assessment') = (assessment_id IS NOT NULL)),
    CHECK ((source = 're-screen') = (answers IS NOT NULL))
);
-- A plan's series, oldest first, and the latest of each instrument (what is due next).
CREATE INDEX measure_plan_series ON measure (plan_id, instrument, taken_at, id);
-- The re-screens of a range of days, for the director's outcomes.
CREATE INDEX measure_rescreened_on ON measure (taken_on, instrument, plan_id) WHERE source = 're-screen';
-- An assessment gives each instrument one baseline, however often its event is delivered.
CREATE UNIQUE INDEX measure_baseline_once ON measure (assessment_id, instrument) WHERE source = 'assessment';
