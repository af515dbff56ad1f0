-- FHIR Goal/{id} names a problem of a plan: find its plan by containment in the problems document.
CREATE INDEX treatment_plan_problems ON treatment_plan USING gin (problems jsonb_path_ops);
