-- Each check-in whose window opened, announced once (aftercare.check-in.due) so that intake can remind the patient.
CREATE TABLE check_in_reminder (
    check_in_id  UUID PRIMARY KEY REFERENCES check_in (id),
    announced_at TIMESTAMPTZ NOT NULL
);
