-- The trigger function that stamps updated_at on the tables behind a service's FHIR views (meta.lastUpdated,
-- _lastUpdated): every insert takes the column's default, every update that changes the row this. The clock is the
-- statement's, not the transaction's start, so a sync that asks for what changed since its last read misses as little
-- as a commit's delay. Each service's own migrations add the column and the trigger to their tables.
CREATE OR REPLACE FUNCTION stamp_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END
$$;
