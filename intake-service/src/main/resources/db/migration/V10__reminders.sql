-- Reminders to patients before what is next in their care (a booked session first), sent through the channel the
-- patient chose, outside their quiet hours, and never after their episode ended.

-- How a patient wants to be reminded. A patient without a row is reminded by the clinic's default channel.
CREATE TABLE reminder_preference (
    patient_id  UUID PRIMARY KEY REFERENCES patient (id),
    channel     TEXT        NOT NULL,
    quiet_from  TIME,
    quiet_until TIME,
    time_zone   TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     INT         NOT NULL,
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);

-- One reminder per thing reminded of (a booking), pending until sent or skipped with the reason.
CREATE TABLE reminder (
    id           BIGSERIAL PRIMARY KEY,
    patient_id   UUID        NOT NULL,
    kind         TEXT        NOT NULL,
    subject_id   TEXT        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    booked_at    TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL,
    send_after   TIMESTAMPTZ NOT NULL,
    attempts     INT         NOT NULL DEFAULT 0,
    last_error   TEXT,
    channel      TEXT,
    outcome      TEXT,
    settled_at   TIMESTAMPTZ,
    UNIQUE (kind, subject_id)
);
CREATE INDEX reminder_pending ON reminder (send_after) WHERE status = 'PENDING';
CREATE INDEX reminder_patient ON reminder (patient_id, status);
CREATE INDEX reminder_settled ON reminder (settled_at) WHERE status <> 'PENDING';

-- When each of a patient's episodes ended (graduation or discharge): what was booked before an end for after it is not
-- sent. Kept by the time the booking was made rather than the order events arrive in, so that a new episode's
-- bookings are reminded whichever of its events comes first.
CREATE TABLE episode_end (
    patient_id UUID        NOT NULL,
    ended_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (patient_id, ended_at)
);
