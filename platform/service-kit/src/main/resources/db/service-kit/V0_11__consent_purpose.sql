-- Why a consent lets records go (intake.consent.changed's purpose): a claim may disclose only under a consent for
-- payment. Null for a consent applied before it was kept, which a purpose-bound lookup never matches (fails closed)
-- until intake announces that consent's next change; only billing looks purposes up, and it reads intake's topic from
-- its start.
ALTER TABLE consent_projection ADD COLUMN purpose TEXT;
