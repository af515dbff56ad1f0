-- When each patient's latest IOP episode ended (graduation or discharge). Engagement alerts travel on scheduling's
-- topic and may be read after the treatment-plan topic's graduation: an alert about a week the episode had ended in,
-- or ended after, is work nobody has to do.
CREATE TABLE episode_end (
    patient_id UUID PRIMARY KEY,
    ended_on   DATE NOT NULL
);
