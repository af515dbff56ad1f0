-- A drafted problem said what the assessment found in its description ("Depression (PHQ-9 15, moderately-severe)",
-- "Safety risk raised at assessment (C-SSRS high-risk)"). That is assessment data, released under its own Part 2
-- category: it moves to the problem's own field, screening, which a plan released under treatment-plans alone does
-- not show. In force, in a pending revision and in every version kept.
CREATE FUNCTION cairn_split_screening(problem JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN found IS NULL THEN problem
                ELSE problem || jsonb_build_object('description', found[1] || coalesce(found[3], ''), 'screening', found[2]) END
    FROM (SELECT coalesce(
            regexp_match(problem ->> 'description', '^(.*?)\s*\(((?:AUDIT|DAST-10|PHQ-9|GAD-7) [0-9]+, [^()]*)\)(.*)$'),
            regexp_match(problem ->> 'description', '^(Safety risk raised at assessment) \((.+)\)$')) AS found) f
$$;

CREATE FUNCTION cairn_split_screenings(problems JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(cairn_split_screening(problem) ORDER BY position), '[]'::jsonb)
    FROM jsonb_array_elements(problems) WITH ORDINALITY AS p(problem, position)
$$;

UPDATE treatment_plan SET problems = cairn_split_screenings(problems)
WHERE problems IS DISTINCT FROM cairn_split_screenings(problems);

UPDATE treatment_plan
SET pending_revision = jsonb_set(pending_revision, '{problems}', cairn_split_screenings(pending_revision -> 'problems'))
WHERE jsonb_typeof(pending_revision -> 'problems') = 'array'
  AND pending_revision -> 'problems' IS DISTINCT FROM cairn_split_screenings(pending_revision -> 'problems');

UPDATE plan_version SET snapshot = jsonb_set(snapshot, '{problems}', cairn_split_screenings(snapshot -> 'problems'))
WHERE jsonb_typeof(snapshot -> 'problems') = 'array'
  AND snapshot -> 'problems' IS DISTINCT FROM cairn_split_screenings(snapshot -> 'problems');

DROP FUNCTION cairn_split_screenings(JSONB);
DROP FUNCTION cairn_split_screening(JSONB);
