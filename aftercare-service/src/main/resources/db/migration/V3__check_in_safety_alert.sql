-- A check-in whose PHQ-9 showed a safety finding (item 9 above 0) raised an alert; the list shows it.
ALTER TABLE check_in ADD COLUMN safety_alert BOOLEAN NOT NULL DEFAULT false;
