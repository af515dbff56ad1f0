-- Since when a full-resource notification waits for the record it carries (its service away): counted apart from
-- its endpoint's refusals, so that Cairn's own outage never puts the client's subscription in error.
ALTER TABLE subscription_notification ADD COLUMN postponed_since TIMESTAMPTZ;
