-- How each patient attended: in person or by telehealth (a telehealth day is billed with the payer's telehealth place
-- of service and modifier). Marks kept before were in person.
ALTER TABLE attendance ADD COLUMN mode TEXT NOT NULL DEFAULT 'IN_PERSON' CHECK (mode IN ('IN_PERSON', 'TELEHEALTH'));
