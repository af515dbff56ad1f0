-- Treatment plans drafted from assessments, their versions, progress, attendance, reviews.

CREATE TABLE treatment_plan (
    id                       UUID PRIMARY KEY,
    patient_id               UUID          NOT NULL,
    assessment_id            UUID          NOT NULL UNIQUE,
    status                   TEXT          NOT NULL,
    population               TEXT          NOT NULL,
    plan_version             INT           NOT NULL,
    problems                 JSONB         NOT NULL,
    weekly_hours             NUMERIC(4, 1) NOT NULL,
    expected_weeks           INT           NOT NULL,
    review_interval_days     INT           NOT NULL,
    preferred_schedule       TEXT,
    substances               TEXT[]        NOT NULL,
    support_people           TEXT[]        NOT NULL,
    medications              TEXT[]        NOT NULL,
    drafted_at               TIMESTAMPTZ   NOT NULL,
    acknowledged_by          TEXT,
    acknowledged_at          TIMESTAMPTZ,
    acknowledged_version     INT,
    approved_by              TEXT,
    approved_at              TIMESTAMPTZ,
    approved_version         INT,
    next_review_due          DATE,
    flagged_for_review       BOOLEAN       NOT NULL DEFAULT false,
    review_flag_reason       TEXT,
    ended_on                 DATE,
    ended_at                 TIMESTAMPTZ,
    discharge_reason         TEXT,
    end_note                 TEXT,
    version                  INT           NOT NULL
);
CREATE INDEX treatment_plan_patient ON treatment_plan (patient_id);
CREATE INDEX treatment_plan_review_due ON treatment_plan (next_review_due) WHERE status = 'ACTIVE';

-- Every version of a plan as it stood, with who changed it and when.
CREATE TABLE plan_version (
    plan_id       UUID        NOT NULL REFERENCES treatment_plan (id),
    number        INT         NOT NULL,
    snapshot      JSONB       NOT NULL,
    author        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    change_note   TEXT,
    PRIMARY KEY (plan_id, number)
);

-- An assessment whose level of care is not IOP: no plan, and why.
CREATE TABLE not_admitted (
    assessment_id   UUID PRIMARY KEY,
    patient_id      UUID        NOT NULL,
    level_of_care   TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE progress_note (
    id            UUID PRIMARY KEY,
    plan_id       UUID        NOT NULL REFERENCES treatment_plan (id),
    objective_id  UUID        NOT NULL,
    status        TEXT        NOT NULL,
    note          TEXT        NOT NULL,
    author        TEXT        NOT NULL,
    written_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX progress_note_plan ON progress_note (plan_id, written_at);

-- Attendance reported by scheduling, one row per attendance (a correction replaces it).
CREATE TABLE attendance_record (
    attendance_id     UUID PRIMARY KEY,
    patient_id        UUID        NOT NULL,
    session_id        UUID        NOT NULL,
    session_date      DATE        NOT NULL,
    iso_week          TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    minutes_attended  INT         NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX attendance_record_patient ON attendance_record (patient_id, session_date);

CREATE TABLE plan_review (
    id                   UUID PRIMARY KEY,
    plan_id              UUID        NOT NULL REFERENCES treatment_plan (id),
    due_on               DATE,
    held_on              DATE        NOT NULL,
    reviewer             TEXT        NOT NULL,
    objective_progress   JSONB       NOT NULL,
    summary              TEXT        NOT NULL,
    revised_version      INT,
    recorded_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_review_plan ON plan_review (plan_id, held_on);
