-- Biopsychosocial assessments: structured sections (JSON per section), scored screeners, ASAM ratings, level of care.

CREATE TABLE assessment (
    id                                  UUID PRIMARY KEY,
    patient_id                          UUID        NOT NULL REFERENCES patient (id),
    referral_id                         UUID REFERENCES referral (id),
    status                              TEXT        NOT NULL,
    medical_history                     JSONB,
    medications                         JSONB,
    current_symptoms                    JSONB,
    substance_use                       JSONB,
    mental_health_history               JSONB,
    family_and_support                  JSONB,
    living_situation                    JSONB,
    strengths_and_preferences           JSONB,
    screeners                           JSONB       NOT NULL,
    asam_intoxication_withdrawal        INT CHECK (asam_intoxication_withdrawal BETWEEN 0 AND 4),
    asam_biomedical                     INT CHECK (asam_biomedical BETWEEN 0 AND 4),
    asam_emotional_behavioral_cognitive INT CHECK (asam_emotional_behavioral_cognitive BETWEEN 0 AND 4),
    asam_readiness_to_change            INT CHECK (asam_readiness_to_change BETWEEN 0 AND 4),
    asam_relapse_potential              INT CHECK (asam_relapse_potential BETWEEN 0 AND 4),
    asam_recovery_environment           INT CHECK (asam_recovery_environment BETWEEN 0 AND 4),
    recommended_level_of_care           TEXT,
    level_of_care                       TEXT,
    override_reason                     TEXT,
    started_by                          TEXT        NOT NULL,
    started_at                          TIMESTAMPTZ NOT NULL,
    completed_by                        TEXT,
    completed_at                        TIMESTAMPTZ,
    version                             INT         NOT NULL
);
CREATE INDEX assessment_patient ON assessment (patient_id, started_at);

-- Level-of-care history: every recommendation and decision, with the reason for an override.
CREATE TABLE level_of_care_decision (
    id               BIGSERIAL PRIMARY KEY,
    assessment_id    UUID        NOT NULL REFERENCES assessment (id),
    recommended      TEXT        NOT NULL,
    decided          TEXT        NOT NULL,
    override_reason  TEXT,
    decided_by       TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX level_of_care_decision_assessment ON level_of_care_decision (assessment_id, id);
