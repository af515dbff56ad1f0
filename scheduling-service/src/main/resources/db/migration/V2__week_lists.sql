-- The lists of a week, windowed in the database.

-- Sessions starting in a date range, earliest first; the id orders the groups of a network that start together.
CREATE INDEX session_starts ON session (starts_at, id);

-- Who is under target in a week: the week's attendance summed per patient from this index alone, in patient order
-- (the minutes are a key column rather than INCLUDEd, so that btree deduplication keeps the index small) ...
CREATE INDEX attendance_week_patient ON attendance (iso_week, patient_id, minutes_attended) WHERE status <> 'ABSENT';
-- ... merged with the enrolled patients' targets, in the same order.
CREATE INDEX enrollment_enrolled_patient ON enrollment (patient_id, id) INCLUDE (weekly_hours_target)
    WHERE status = 'ENROLLED';
