-- A consent's changes are ordered by intake's revision of it, never by a clock; 0 for a change published before
-- revisions existed. A revocation is final whatever its revision.
ALTER TABLE consent_projection ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

-- The latest checkpoint of intake's relay heard on each partition of its topic: every consent change intake
-- committed before as_of is applied here. EHR reads are refused while any partition's is older than the allowed
-- staleness (cairn.consent.max-staleness), or some partition has none.
CREATE TABLE consent_checkpoint (
    partition  INT PRIMARY KEY,
    partitions INT         NOT NULL,
    as_of      TIMESTAMPTZ NOT NULL
);

-- A consent change this service could not apply (parked on the dead-letter topic). The patient's records are
-- disclosed to no EHR while it is held: with no readable patient, no patient's are. Released when the event is
-- applied after all (replayed from the dead-letter topic), or by an operator who settled it (deploy/README).
CREATE TABLE consent_hold (
    consumer     TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    partition    INT         NOT NULL,
    record_offset BIGINT     NOT NULL,
    event_id     UUID,
    patient_id   UUID,
    held_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition, record_offset)
);
CREATE INDEX consent_hold_patient ON consent_hold (patient_id);
