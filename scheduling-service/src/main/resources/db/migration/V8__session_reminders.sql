-- Each booking whose session was announced as upcoming (scheduling.session.upcoming), so that it is announced once.
-- A table of its own rather than a column on booking: announcing changes no appointment (its FHIR lastUpdated).
CREATE TABLE session_reminder (
    booking_id   UUID PRIMARY KEY REFERENCES booking (id),
    announced_at TIMESTAMPTZ NOT NULL
);
-- The sessions starting in the next hours are found by V2's session_starts.
