-- Tracks and their sessions, enrollments and bookings, attendance, group notes, engagement alerts.

CREATE TABLE track (
    id              UUID PRIMARY KEY,
    name            TEXT        NOT NULL,
    schedule_type   TEXT        NOT NULL,
    age_group       TEXT        NOT NULL,
    blocks          JSONB       NOT NULL,
    capacity        INT         NOT NULL CHECK (capacity > 0),
    facilitator_id  TEXT        NOT NULL,
    location        TEXT,
    telehealth_url  TEXT,
    active_from     DATE        NOT NULL,
    active_until    DATE,
    version         INT         NOT NULL
);

CREATE TABLE session (
    id              UUID PRIMARY KEY,
    track_id        UUID REFERENCES track (id),
    kind            TEXT        NOT NULL,
    group_type      TEXT,
    title           TEXT        NOT NULL,
    facilitator_id  TEXT        NOT NULL,
    capacity        INT         NOT NULL CHECK (capacity > 0),
    location        TEXT,
    telehealth_url  TEXT,
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    version         INT         NOT NULL
);
CREATE UNIQUE INDEX session_track_start ON session (track_id, starts_at) WHERE track_id IS NOT NULL;
CREATE INDEX session_facilitator ON session (facilitator_id, starts_at);

CREATE TABLE enrollment (
    id                  UUID PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    plan_id             UUID          NOT NULL UNIQUE,
    track_id            UUID REFERENCES track (id),
    status              TEXT          NOT NULL,
    weekly_hours_target NUMERIC(4, 1) NOT NULL,
    population          TEXT          NOT NULL,
    preferred_schedule  TEXT,
    waitlist_reason     TEXT,
    starts_on           DATE,
    decided_at          TIMESTAMPTZ   NOT NULL,
    ended_on            DATE,
    end_reason          TEXT,
    version             INT           NOT NULL
);
CREATE INDEX enrollment_patient ON enrollment (patient_id);
CREATE INDEX enrollment_track ON enrollment (track_id) WHERE status = 'ENROLLED';

CREATE TABLE booking (
    id             UUID PRIMARY KEY,
    session_id     UUID        NOT NULL REFERENCES session (id),
    patient_id     UUID        NOT NULL,
    enrollment_id  UUID REFERENCES enrollment (id),
    status         TEXT        NOT NULL,
    booked_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX booking_once ON booking (session_id, patient_id) WHERE status = 'BOOKED';
CREATE INDEX booking_patient ON booking (patient_id, status);

CREATE TABLE attendance (
    id                UUID PRIMARY KEY,
    session_id        UUID        NOT NULL REFERENCES session (id),
    patient_id        UUID        NOT NULL,
    status            TEXT        NOT NULL,
    minutes_attended  INT         NOT NULL,
    session_date      DATE        NOT NULL,
    iso_week          TEXT        NOT NULL,
    recorded_by       TEXT        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (session_id, patient_id)
);
CREATE INDEX attendance_patient_week ON attendance (patient_id, iso_week);

-- A group note: the shared part carries no patient data; each attendee's part is theirs alone.
CREATE TABLE group_note (
    session_id  UUID PRIMARY KEY REFERENCES session (id),
    topic       TEXT        NOT NULL,
    content     TEXT        NOT NULL,
    author      TEXT        NOT NULL,
    written_at  TIMESTAMPTZ NOT NULL
);
CREATE TABLE group_note_part (
    session_id  UUID NOT NULL REFERENCES group_note (session_id),
    patient_id  UUID NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (session_id, patient_id)
);

-- Each engagement alert once per occurrence.
CREATE TABLE engagement_alert_sent (
    patient_id  UUID        NOT NULL,
    occurrence  TEXT        NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (patient_id, occurrence)
);
