-- Each booking whose session was announced as upcoming (scheduling.session.upcoming), so that it is announced once,
-- and, if it is released before the session, its release is announced once too (scheduling.booking.released).
-- A table of its own rather than a column on booking: announcing changes no appointment (its FHIR lastUpdated).
CREATE TABLE session_reminder (
    booking_id   UUID PRIMARY KEY REFERENCES booking (id),
    starts_at    TIMESTAMPTZ NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    released_at  TIMESTAMPTZ
);
-- The announced sessions still ahead, whose bookings may yet be released.
CREATE INDEX session_reminder_ahead ON session_reminder (starts_at) WHERE released_at IS NULL;
-- The sessions starting in the next hours are found by V2's session_starts.
