-- The retention job (io.cairn.kit.events.EventRetention) finds what it may purge by age without reading the tables.
CREATE INDEX outbox_event_sent ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX inbox_event_applied ON inbox_event (applied_at);
