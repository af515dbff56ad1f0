-- A group note's version, its ETag: a clinician's PUT based on an older one is refused (If-Match), not written over
-- another's note.
ALTER TABLE group_note ADD COLUMN version INT NOT NULL DEFAULT 0;
-- An attendance record's version: concurrent corrections of one mark are applied one after the other.
ALTER TABLE attendance ADD COLUMN version INT NOT NULL DEFAULT 0;
