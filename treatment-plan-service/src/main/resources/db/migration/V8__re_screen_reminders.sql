-- Each re-screen an active plan asked for, announced once when it fell due (treatment-plan.re-screen.due) so that
-- intake can remind the patient: one row per instrument and due date, so that whatever newly falls due is announced.
CREATE TABLE re_screen_reminder (
    plan_id      UUID        NOT NULL REFERENCES treatment_plan (id),
    instrument   TEXT        NOT NULL,
    due_on       DATE        NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, instrument, due_on)
);

-- The active plans, walked in id order by the hourly look for re-screens due.
CREATE INDEX treatment_plan_active ON treatment_plan (id) WHERE status = 'ACTIVE';
