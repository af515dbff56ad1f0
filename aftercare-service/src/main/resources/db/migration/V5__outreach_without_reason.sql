-- An outreach item no longer says why the patient left (against medical advice): that is the discharge, a record of
-- the plan (treatment-plans), and an aftercare consent does not release it.
UPDATE aftercare_referral
SET items = (SELECT coalesce(jsonb_agg(CASE WHEN item ->> 'description'
                                       = 'Reach the patient within 72 hours of leaving against medical advice; offer to resume care'
                                   THEN item || '{"description": "Reach the patient within 72 hours of leaving the program; offer to resume care"}'
                                   ELSE item END ORDER BY position), items)
             FROM jsonb_array_elements(items) WITH ORDINALITY AS i(item, position)),
    -- The EpisodeOfCare's type and the Task change with it: a new FHIR versionId, so that a copy kept by it is renewed.
    version = version + 1
WHERE outreach;
