-- A patient's re-screens across episodes, newest first: the FHIR Observation and QuestionnaireResponse searches.
CREATE INDEX measure_by_patient ON measure (patient_id, taken_at, id);
