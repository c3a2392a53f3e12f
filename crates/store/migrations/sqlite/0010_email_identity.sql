-- One account per mailbox: `email_identity` is the address as its provider delivers it
-- (`termin_domain::Email::identity`: dots and +tags removed where the provider ignores them).
-- Written by the store for every new account; accounts made before this migration are given
-- theirs when the store starts (rows with NULL). A deleted account frees it.
ALTER TABLE accounts ADD COLUMN email_identity TEXT;
CREATE UNIQUE INDEX accounts_email_identity ON accounts(email_identity);
