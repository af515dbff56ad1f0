-- EHR clients' FHIR subscriptions (Subscriptions Backport IG, rest-hook) and the notifications queued for them.
-- A notification is written in the transaction of the change it reports (or of the event that brought it), and sent
-- after the commit, oldest first per subscription, until the endpoint takes it or the consent behind it is gone.

CREATE TABLE subscription (
    id                 UUID PRIMARY KEY,
    client_id          TEXT        NOT NULL,
    topic              TEXT        NOT NULL,
    patient_id         UUID,
    endpoint           TEXT        NOT NULL,
    content            TEXT        NOT NULL,
    secret             TEXT        NOT NULL,
    headers            TEXT[]      NOT NULL DEFAULT '{}',
    heartbeat_seconds  INTEGER,
    ends_at            TIMESTAMPTZ,
    reason             TEXT,
    status             TEXT        NOT NULL,
    error              TEXT,
    events_since_start BIGINT      NOT NULL DEFAULT 0,
    last_sent_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    version            INTEGER     NOT NULL DEFAULT 0
);
CREATE TRIGGER subscription_updated_at BEFORE UPDATE ON subscription FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION stamp_updated_at();
CREATE INDEX subscription_topic ON subscription (topic) WHERE status IN ('REQUESTED', 'ACTIVE', 'ERROR');
CREATE INDEX subscription_client ON subscription (client_id, created_at);

CREATE TABLE subscription_notification (
    id                BIGSERIAL PRIMARY KEY,
    subscription_id   UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    kind              TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    event_number      BIGINT,
    patient_id        UUID,
    category          TEXT,
    focus             TEXT,
    occurred_at       TIMESTAMPTZ,
    consent_id        UUID,
    attempts          INTEGER     NOT NULL DEFAULT 0,
    first_failed_at   TIMESTAMPTZ,
    last_error        TEXT,
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    sent_at           TIMESTAMPTZ
);
-- The sender reads the oldest pending notification of each subscription.
CREATE INDEX subscription_notification_pending ON subscription_notification (subscription_id, id)
    WHERE status = 'PENDING';
-- A revocation withdraws the patient's pending notifications.
CREATE INDEX subscription_notification_patient ON subscription_notification (patient_id) WHERE status = 'PENDING';
