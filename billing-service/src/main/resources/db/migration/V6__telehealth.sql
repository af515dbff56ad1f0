-- Telehealth: how each session was attended (scheduling's event says so since it kept it; before, in person), and the
-- payer's codes for a day attended by telehealth: its place of service (10 the patient's home, 02 elsewhere) and the
-- procedure's modifier (95 synchronous telehealth, GT by interactive audio and video).
ALTER TABLE attended_session ADD COLUMN mode TEXT NOT NULL DEFAULT 'IN_PERSON';
ALTER TABLE payer ADD COLUMN telehealth_place_of_service TEXT NOT NULL DEFAULT '10',
    ADD COLUMN telehealth_modifier TEXT NOT NULL DEFAULT '95';
ALTER TABLE charge ADD COLUMN modifier TEXT;
