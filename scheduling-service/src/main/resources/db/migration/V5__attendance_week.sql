-- Each patient's attended minutes per ISO week, kept beside attendance so that "who is under target this week" and a
-- patient's weekly hours read one row per patient and week instead of summing the week's attendance on every request.
-- Triggers keep it in the same transaction as every write to attendance, however it is written (the service, a
-- correction, a bulk COPY): a count that can drift from the rows it sums would make a clinic miss a patient.
CREATE TABLE attendance_week (
    patient_id         UUID    NOT NULL,
    iso_week           TEXT    NOT NULL,
    -- Minutes of every attendance but an absence (an excused one counts its 0 minutes), as the hours always counted.
    minutes_attended   BIGINT  NOT NULL,
    -- How many of the week's sessions counted: a week with none is no week of attendance at all.
    sessions_counted   INT     NOT NULL,
    PRIMARY KEY (patient_id, iso_week)
);
-- Who is under target in a week: the week's rows in patient order, merged with the enrolled patients' targets
-- (enrollment_enrolled_patient, V2).
CREATE INDEX attendance_week_by_week ON attendance_week (iso_week, patient_id) INCLUDE (minutes_attended);

INSERT INTO attendance_week (patient_id, iso_week, minutes_attended, sessions_counted)
SELECT patient_id, iso_week, sum(minutes_attended), count(*)
FROM attendance WHERE status <> 'ABSENT' GROUP BY patient_id, iso_week;

-- Adds what a statement's rows change to their weeks: the new rows counted, the old ones taken back. Rows are applied
-- in key order, so that two transactions touching the same weeks lock them in one order and never deadlock.
CREATE FUNCTION attendance_week_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO attendance_week AS w (patient_id, iso_week, minutes_attended, sessions_counted)
        SELECT patient_id, iso_week, sum(minutes_attended), count(*) FROM new_rows WHERE status <> 'ABSENT'
        GROUP BY patient_id, iso_week ORDER BY patient_id, iso_week
        ON CONFLICT (patient_id, iso_week) DO UPDATE
            SET minutes_attended = w.minutes_attended + EXCLUDED.minutes_attended,
                sessions_counted = w.sessions_counted + EXCLUDED.sessions_counted;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE attendance_week w SET minutes_attended = w.minutes_attended - o.minutes,
                                     sessions_counted = w.sessions_counted - o.sessions
        FROM (SELECT patient_id, iso_week, sum(minutes_attended) AS minutes, count(*) AS sessions FROM old_rows
              WHERE status <> 'ABSENT' GROUP BY patient_id, iso_week ORDER BY patient_id, iso_week) o
        WHERE w.patient_id = o.patient_id AND w.iso_week = o.iso_week;
    END IF;
    RETURN NULL;
END $$;

-- A trigger with transition tables takes one event, hence three.
CREATE TRIGGER attendance_week_inserted AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION attendance_week_changed();
CREATE TRIGGER attendance_week_updated AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_week_changed();
CREATE TRIGGER attendance_week_deleted AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION attendance_week_changed();

-- The week's attendance is no longer summed from attendance itself.
DROP INDEX attendance_week_patient;
