-- A Group's export (Group/{id}/$export) holds the records of the group's members alone; NULL: every patient's.
ALTER TABLE bulk_export_job ADD COLUMN patients UUID[];
