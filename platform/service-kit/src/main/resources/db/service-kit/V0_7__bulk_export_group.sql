-- A Group's export (Group/{id}/$export) holds the records of the group's members alone; NULL: every patient's.
ALTER TABLE bulk_export_job ADD COLUMN patients UUID[];
-- The services the gateway started a part of the same export in: a part missing from one of them (lost with its
-- database, say) makes the whole export incomplete, never a manifest quietly short of that service's files.
ALTER TABLE bulk_export_job ADD COLUMN parts TEXT[];
