-- Finding patients by the start of the family or given name, whatever its case: lower(name) LIKE 'prefix%'.
-- A btree answers a LIKE prefix only when it compares bytes: text_pattern_ops does, whatever the database's
-- collation. The databases take the server's locale (C.UTF-8 in the local stack), where the plain index on
-- lower(family_name) compares by locale, so every name search read the whole table.

DROP INDEX patient_family_name;
CREATE INDEX patient_family_name_prefix ON patient (lower(family_name) text_pattern_ops);
CREATE INDEX patient_given_name_prefix ON patient (lower(given_name) text_pattern_ops);
