-- The track each plan's patient was last placed in (scheduling.patient.enrolled): sent with the episode's end, for
-- the outcomes by track. A table of its own: an enrollment changes nothing of the plan (its version, its ETag).
CREATE TABLE plan_track (
    plan_id  UUID PRIMARY KEY,
    track_id UUID NOT NULL
);
