-- The care team's worklist: tasks the other services' events open and close, and staff claim and complete.

CREATE TABLE care_task (
    id             UUID PRIMARY KEY,
    kind           TEXT        NOT NULL,
    priority       TEXT        NOT NULL,
    -- The priority as a number that sorts: 0 urgent, 1 high, 2 routine.
    priority_rank  SMALLINT    NOT NULL,
    status         TEXT        NOT NULL,
    patient_id     UUID        NOT NULL,
    -- The role whose members work the task, e.g. clinician.
    role           TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    -- What the task is about, as a key the closing event names too: plan:<id>, check-in:<referral>:<days>, ...
    subject        TEXT        NOT NULL,
    -- Where in the API the work is done, e.g. /api/v1/treatment-plans/<id>.
    about          TEXT        NOT NULL,
    assignee       TEXT,
    -- A task is on the list from opens_at (a check-in whose window has not opened yet is not).
    opens_at       TIMESTAMPTZ NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    claimed_at     TIMESTAMPTZ,
    closed_at      TIMESTAMPTZ,
    closed_by      TEXT,
    outcome        TEXT,
    outcome_note   TEXT,
    escalated_at   TIMESTAMPTZ,
    escalation_of  UUID REFERENCES care_task (id),
    version        INT         NOT NULL
);
-- The worklist: open tasks by urgency and due time.
CREATE INDEX care_task_open ON care_task (priority_rank, due_at, id) WHERE status IN ('OPEN', 'CLAIMED');
CREATE INDEX care_task_subject ON care_task (subject) WHERE status IN ('OPEN', 'CLAIMED');
CREATE INDEX care_task_patient ON care_task (patient_id, created_at);
-- Urgent tasks nobody claimed, for the escalation run.
CREATE INDEX care_task_unclaimed_urgent ON care_task (created_at) WHERE status = 'OPEN' AND priority = 'URGENT'
    AND escalated_at IS NULL;
-- One escalation per task.
CREATE UNIQUE INDEX care_task_one_escalation ON care_task (escalation_of);

-- Pages to the on-call address, written with the task they announce and sent after the commit; one that could not
-- be sent stays here and is tried again, so a mail server outage loses none.
CREATE TABLE task_notification (
    id          BIGSERIAL PRIMARY KEY,
    task_id     UUID        NOT NULL REFERENCES care_task (id),
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts    INT         NOT NULL DEFAULT 0,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX task_notification_unsent ON task_notification (id) WHERE sent_at IS NULL;
