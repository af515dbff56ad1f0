-- Where this service's reading of intake's topic has got to on each partition: the offset after the last record it
-- heard there. A poll that starts beyond it skipped records: the consumer's offset was reset past them (its committed
-- offset aged out of the topic's retention), or this database was restored to a time before its offsets. Either may
-- have lost a revocation, so every patient is held (consent_hold without a patient) until an operator has settled it.
CREATE TABLE consent_position (
    partition   INT PRIMARY KEY,
    next_offset BIGINT NOT NULL
);
