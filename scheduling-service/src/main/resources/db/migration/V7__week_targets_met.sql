-- How many enrollments have a weekly hours target, and how many met it in each ISO week, kept as they change, so that
-- "how many are under target this week" is two short sums instead of joining the week's 100,000 rows of
-- attendance_week with every enrollment on each request (#25).
--
-- Rows are changes, only ever added: a write to attendance_week or enrollment adds one row per count it touched (+1
-- when an enrollment reaches its target in a week, -1 when it falls back, leaves, or its target rises, 0 when it moved
-- neither way). Added rows never wait for one another, so no transaction recording attendance queues on a counter. The
-- service replaces the rows of every count touched since with its exact count once a minute (WeeklyCompliance, the
-- rows not yet recounted tell which), which
-- keeps the sums short and puts right the rare concurrent change this counting cannot see: a target changed while the
-- same patient's attendance is written, each transaction reading the other's old row. That is why a write adds its row
-- even when it counts 0: the count it touched is then recounted.
--
-- An enrollment meets its target in a week when it is ENROLLED with a target above 0 and the week's minutes, rounded to
-- a tenth of an hour as the hours are, reach it; one with a target of 0 is never under target, nor counted here.
CREATE TABLE week_targets_met (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    iso_week      TEXT    NOT NULL,
    enrollments   BIGINT  NOT NULL,
    -- The exact count a recount wrote; a trigger's row is a change, and its count is recounted next time.
    recounted     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX week_targets_met_week ON week_targets_met (iso_week) INCLUDE (enrollments);
CREATE INDEX week_targets_met_changed ON week_targets_met (iso_week) WHERE NOT recounted;
CREATE TABLE enrollments_with_target (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrollments   BIGINT  NOT NULL,
    recounted     BOOLEAN NOT NULL DEFAULT false
);

-- A week's minutes changed: each enrollment of the patient that meets its target counts -1 for the old minutes and +1
-- for the new ones, per week; every week written gets its row.
CREATE FUNCTION week_targets_met_by_attendance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO week_targets_met (iso_week, enrollments)
        SELECT c.iso_week, count(e.id) FROM new_rows c LEFT JOIN enrollment e ON e.patient_id = c.patient_id
            AND e.status = 'ENROLLED' AND e.weekly_hours_target > 0
            AND round(c.minutes_attended / 60.0, 1) >= e.weekly_hours_target
        GROUP BY c.iso_week;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO week_targets_met (iso_week, enrollments)
        SELECT c.iso_week, coalesce(sum(c.sign) FILTER (WHERE e.id IS NOT NULL), 0) FROM (
            SELECT patient_id, iso_week, minutes_attended, -1 AS sign FROM old_rows
            UNION ALL SELECT patient_id, iso_week, minutes_attended, 1 FROM new_rows) c
        LEFT JOIN enrollment e ON e.patient_id = c.patient_id AND e.status = 'ENROLLED' AND e.weekly_hours_target > 0
            AND round(c.minutes_attended / 60.0, 1) >= e.weekly_hours_target
        GROUP BY c.iso_week;
    ELSE
        INSERT INTO week_targets_met (iso_week, enrollments)
        SELECT c.iso_week, -count(e.id) FROM old_rows c LEFT JOIN enrollment e ON e.patient_id = c.patient_id
            AND e.status = 'ENROLLED' AND e.weekly_hours_target > 0
            AND round(c.minutes_attended / 60.0, 1) >= e.weekly_hours_target
        GROUP BY c.iso_week;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER week_targets_met_inserted AFTER INSERT ON attendance_week REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION week_targets_met_by_attendance();
CREATE TRIGGER week_targets_met_updated AFTER UPDATE ON attendance_week REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION week_targets_met_by_attendance();
CREATE TRIGGER week_targets_met_deleted AFTER DELETE ON attendance_week REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION week_targets_met_by_attendance();

-- An enrollment changed (enrolled, ended, its target or patient changed): it counts -1 as it was and +1 as it is, among
-- those with a target and in each week its patient met the target; each count it touched gets its row.
CREATE FUNCTION week_targets_met_by_enrollment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A statement that changed no enrollment (an update that matched none) touched no count.
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
            RETURN NULL;
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO enrollments_with_target (enrollments)
        SELECT count(*) FILTER (WHERE status = 'ENROLLED' AND weekly_hours_target > 0) FROM new_rows;
        INSERT INTO week_targets_met (iso_week, enrollments)
        SELECT w.iso_week, count(*) FILTER (WHERE c.status = 'ENROLLED' AND c.weekly_hours_target > 0
            AND round(w.minutes_attended / 60.0, 1) >= c.weekly_hours_target)
        FROM new_rows c JOIN attendance_week w ON w.patient_id = c.patient_id
        GROUP BY w.iso_week;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO enrollments_with_target (enrollments)
        SELECT coalesce(sum(c.sign) FILTER (WHERE c.status = 'ENROLLED' AND c.weekly_hours_target > 0), 0)
        FROM (SELECT status, weekly_hours_target, -1 AS sign FROM old_rows
              UNION ALL SELECT status, weekly_hours_target, 1 FROM new_rows) c;
        INSERT INTO week_targets_met (iso_week, enrollments)
        SELECT w.iso_week, coalesce(sum(c.sign) FILTER (WHERE c.status = 'ENROLLED' AND c.weekly_hours_target > 0
            AND round(w.minutes_attended / 60.0, 1) >= c.weekly_hours_target), 0)
        FROM (SELECT patient_id, status, weekly_hours_target, -1 AS sign FROM old_rows
              UNION ALL SELECT patient_id, status, weekly_hours_target, 1 FROM new_rows) c
        JOIN attendance_week w ON w.patient_id = c.patient_id
        GROUP BY w.iso_week;
    ELSE
        INSERT INTO enrollments_with_target (enrollments)
        SELECT -count(*) FILTER (WHERE status = 'ENROLLED' AND weekly_hours_target > 0) FROM old_rows;
        INSERT INTO week_targets_met (iso_week, enrollments)
        SELECT w.iso_week, -count(*) FILTER (WHERE c.status = 'ENROLLED' AND c.weekly_hours_target > 0
            AND round(w.minutes_attended / 60.0, 1) >= c.weekly_hours_target)
        FROM old_rows c JOIN attendance_week w ON w.patient_id = c.patient_id
        GROUP BY w.iso_week;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER week_targets_met_enrolled AFTER INSERT ON enrollment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION week_targets_met_by_enrollment();
CREATE TRIGGER week_targets_met_enrollment_changed AFTER UPDATE ON enrollment REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION week_targets_met_by_enrollment();
CREATE TRIGGER week_targets_met_enrollment_deleted AFTER DELETE ON enrollment REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION week_targets_met_by_enrollment();

-- Counted once the triggers are in place: CREATE TRIGGER waits for the writes under way and holds theirs off until this
-- migration commits, and the counts below see every write committed before, so none is missed or counted twice.
INSERT INTO week_targets_met (iso_week, enrollments, recounted)
SELECT w.iso_week, count(*), true FROM attendance_week w JOIN enrollment e ON e.patient_id = w.patient_id
    AND e.status = 'ENROLLED' AND e.weekly_hours_target > 0
    AND round(w.minutes_attended / 60.0, 1) >= e.weekly_hours_target
GROUP BY w.iso_week;
INSERT INTO enrollments_with_target (enrollments, recounted)
SELECT count(*), true FROM enrollment WHERE status = 'ENROLLED' AND weekly_hours_target > 0;
