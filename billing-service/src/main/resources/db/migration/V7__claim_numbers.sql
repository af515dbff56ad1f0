-- CLM01 as payers keep it: receivers need return only 20 characters of it on their 835s, so a claim's number is 20
-- characters of its own (the claim's id without its dashes, cut to 20), unique. A claim's total holds 999 lines at
-- the highest day rate. One 835 may reverse a claim and decide it again: two payments of one claim in one remittance.
ALTER TABLE claim ADD COLUMN claim_number TEXT;
UPDATE claim SET claim_number = upper(substr(replace(id::text, '-', ''), 1, 20));
ALTER TABLE claim ALTER COLUMN claim_number SET NOT NULL, ADD CONSTRAINT claim_number_unique UNIQUE (claim_number);
ALTER TABLE claim ALTER COLUMN total TYPE NUMERIC(13, 2);
ALTER TABLE claim_payment DROP CONSTRAINT claim_payment_remittance_id_claim_id_key;
