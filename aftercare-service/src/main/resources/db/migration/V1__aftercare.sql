-- Aftercare referrals with their plans, check-ins, relapse reports, and what outcomes are measured against.

CREATE TABLE aftercare_referral (
    id                      UUID PRIMARY KEY,
    patient_id              UUID        NOT NULL,
    plan_id                 UUID        NOT NULL UNIQUE,
    outreach                BOOLEAN     NOT NULL,
    discharged_on           DATE        NOT NULL,
    case_manager            TEXT        NOT NULL,
    items                   JSONB       NOT NULL,
    first_contact_due_by    TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL,
    version                 INT         NOT NULL
);
CREATE INDEX aftercare_referral_patient ON aftercare_referral (patient_id);
CREATE INDEX aftercare_referral_discharged ON aftercare_referral (discharged_on);

CREATE TABLE check_in (
    id                        UUID PRIMARY KEY,
    referral_id               UUID        NOT NULL REFERENCES aftercare_referral (id),
    patient_id                UUID        NOT NULL,
    milestone_days            INT         NOT NULL,
    due_on                    DATE        NOT NULL,
    window_opens_on           DATE        NOT NULL,
    window_closes_on          DATE        NOT NULL,
    status                    TEXT        NOT NULL,
    contacted_on              DATE,
    reached                   BOOLEAN,
    use_since_last            BOOLEAN,
    relapse                   BOOLEAN,
    phq9_score                INT,
    phq9_band                 TEXT,
    gad7_score                INT,
    gad7_band                 TEXT,
    support_group_meetings    INT,
    housing                   TEXT,
    employment                TEXT,
    next_steps                TEXT,
    recorded_by               TEXT,
    recorded_at               TIMESTAMPTZ,
    submitted_by_patient      BOOLEAN     NOT NULL DEFAULT false,
    version                   INT         NOT NULL,
    UNIQUE (referral_id, milestone_days)
);
CREATE INDEX check_in_due ON check_in (status, due_on);

CREATE TABLE relapse_report (
    id            UUID PRIMARY KEY,
    referral_id   UUID        NOT NULL REFERENCES aftercare_referral (id),
    patient_id    UUID        NOT NULL,
    check_in_id   UUID UNIQUE REFERENCES check_in (id),
    reported_by   TEXT        NOT NULL,
    note          TEXT,
    reported_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX relapse_report_patient ON relapse_report (patient_id);

-- PHQ-9 and GAD-7 at intake, from intake.assessment.completed: the baseline the 90-day re-screen is compared with.
CREATE TABLE intake_baseline (
    patient_id    UUID PRIMARY KEY,
    phq9_score    INT,
    gad7_score    INT,
    assessed_at   TIMESTAMPTZ NOT NULL
);

-- Readmission referrals intake opened after a relapse (intake.referral.received from aftercare-relapse).
CREATE TABLE readmission (
    referral_id   UUID PRIMARY KEY,
    patient_id    UUID        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL
);
