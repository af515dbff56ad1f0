-- How each episode of the program ended (treatment-plan's graduation or discharge), with where its PHQ-9 and GAD-7
-- series stood: the completion rate and the change at discharge of /outcomes. Null scores: no series, or an event
-- published before treatment-plan sent them.
CREATE TABLE program_ending (
    plan_id     UUID PRIMARY KEY,
    patient_id  UUID    NOT NULL,
    ended_on    DATE    NOT NULL,
    graduated   BOOLEAN NOT NULL,
    phq9_first  INT,
    phq9_last   INT,
    gad7_first  INT,
    gad7_last   INT
);
CREATE INDEX program_ending_ended_on ON program_ending (ended_on);
