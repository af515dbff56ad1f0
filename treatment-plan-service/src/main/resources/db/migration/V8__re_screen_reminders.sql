-- Each time an active plan's re-screens fell due, announced once (treatment-plan.re-screen.due) so that intake can
-- remind the patient: keyed by the latest due date among them, so that something newly due is announced again.
CREATE TABLE re_screen_reminder (
    plan_id      UUID        NOT NULL REFERENCES treatment_plan (id),
    due_on       DATE        NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, due_on)
);
