-- Why a consent lets records go (intake.consent.changed's purpose): a claim may disclose only under a consent for
-- payment. Null for a consent applied before it was kept, which a purpose-bound lookup never matches (fails closed);
-- a consumer that needs it reads intake's topic from the start.
ALTER TABLE consent_projection ADD COLUMN purpose TEXT;
