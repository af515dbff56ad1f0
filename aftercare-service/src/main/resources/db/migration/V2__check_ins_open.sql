-- The case managers' list: scheduled check-ins whose window has opened. This index alone counts them; check_in_due
-- (status, due_on) keeps reading them in due order.
CREATE INDEX check_in_window_open ON check_in (status, window_opens_on);
