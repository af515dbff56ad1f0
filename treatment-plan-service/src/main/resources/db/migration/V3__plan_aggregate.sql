-- Objective progress apart from the versioned content (an edit never undoes it), an approved plan's pending
-- revision, the attestation of an acknowledgment staff recorded, and the acknowledged drafts' own status.

CREATE TABLE objective_progress (
    plan_id       UUID NOT NULL REFERENCES treatment_plan (id),
    objective_id  UUID NOT NULL,
    status        TEXT NOT NULL,
    PRIMARY KEY (plan_id, objective_id)
);

-- The progress the content carried until now ("not-started" is what no row means).
INSERT INTO objective_progress (plan_id, objective_id, status)
SELECT plan.id, (objective ->> 'id')::uuid, upper(replace(objective ->> 'status', '-', '_'))
FROM treatment_plan plan,
     jsonb_array_elements(plan.problems) problem,
     jsonb_array_elements(problem -> 'objectives') objective
WHERE objective ->> 'status' IS NOT NULL AND objective ->> 'status' <> 'not-started'
ON CONFLICT DO NOTHING;

ALTER TABLE treatment_plan ADD COLUMN pending_revision JSONB;
ALTER TABLE treatment_plan ADD COLUMN acknowledgment_witnessed_by TEXT;
ALTER TABLE treatment_plan ADD COLUMN acknowledgment_method TEXT;

UPDATE treatment_plan SET status = 'AWAITING_APPROVAL'
WHERE status = 'DRAFT' AND acknowledged_version = plan_version;

-- A re-assessment of a patient with an open plan revises that plan: the version names it (and is drafted once).
ALTER TABLE plan_version ADD COLUMN assessment_id UUID UNIQUE;
