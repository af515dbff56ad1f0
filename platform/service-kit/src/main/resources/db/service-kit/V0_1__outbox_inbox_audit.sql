-- Tables every Cairn service has, created before the service's own migrations (V1 and up).

-- Outbox: events written in the business transaction; the relay publishes them in position order.
CREATE TABLE outbox_event (
    position     BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    event_type   TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    patient_id   TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    traceparent  TEXT,
    data         JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (position) WHERE sent_at IS NULL;

-- Inbox: each event a consumer applied, written in the same transaction as the effect.
CREATE TABLE inbox_event (
    consumer    TEXT        NOT NULL,
    event_id    UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    patient_id  TEXT        NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Audit log: who read or wrote which patient's data, when, and how it ended.
CREATE TABLE audit_event (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor          TEXT        NOT NULL,
    actor_roles    TEXT        NOT NULL,
    client_id      TEXT,
    action         TEXT        NOT NULL,
    resource_type  TEXT        NOT NULL,
    resource_id    TEXT,
    patient_id     UUID,
    outcome        TEXT        NOT NULL,
    trace_id       TEXT
);
CREATE INDEX audit_event_patient ON audit_event (patient_id, occurred_at);
