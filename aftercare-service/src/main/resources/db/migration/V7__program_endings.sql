-- How each episode of the program ended (treatment-plan's graduation or discharge), with where its PHQ-9 and GAD-7
-- series stood and the hours it attended against those asked for, in the track it was last placed in: the completion
-- rate, the change at discharge and the hours by track of /outcomes. Null: no series or no hours (never approved), or
-- an event published before treatment-plan sent them.
CREATE TABLE program_ending (
    plan_id     UUID PRIMARY KEY,
    patient_id  UUID    NOT NULL,
    ended_on    DATE    NOT NULL,
    graduated   BOOLEAN NOT NULL,
    phq9_first  INT,
    phq9_last   INT,
    gad7_first  INT,
    gad7_last   INT,
    track_id       UUID,
    hours_attended NUMERIC(7, 1),
    hours_expected NUMERIC(7, 1)
);
CREATE INDEX program_ending_ended_on ON program_ending (ended_on);
