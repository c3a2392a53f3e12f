-- The server keeps the signed-in tokens it read lately in memory (src/signed_in.rs). These
-- triggers log the account whose row or tokens changed, whoever changes it (the server,
-- `termin admin`, or SQL typed by an operator); the server reads the new rows every 100 ms and
-- forgets those accounts' tokens. Marking a token used (`last_used_at`, at most every 5
-- minutes) logs nothing. The server prunes rows older than an hour.
CREATE TABLE auth_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    at         INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))
);

CREATE TRIGGER accounts_auth_change_update AFTER UPDATE ON accounts
BEGIN
    INSERT INTO auth_changes (account_id) VALUES (OLD.id);
END;

CREATE TRIGGER accounts_auth_change_delete AFTER DELETE ON accounts
BEGIN
    INSERT INTO auth_changes (account_id) VALUES (OLD.id);
END;

CREATE TRIGGER tokens_auth_change_delete AFTER DELETE ON tokens
BEGIN
    INSERT INTO auth_changes (account_id) VALUES (OLD.account_id);
END;

CREATE TRIGGER tokens_auth_change_update AFTER UPDATE ON tokens
    WHEN OLD.hash IS NOT NEW.hash OR OLD.account_id IS NOT NEW.account_id
      OR OLD.kind IS NOT NEW.kind OR OLD.expires_at IS NOT NEW.expires_at
      OR OLD.used_at IS NOT NEW.used_at
BEGIN
    INSERT INTO auth_changes (account_id) VALUES (OLD.account_id);
    INSERT INTO auth_changes (account_id)
        SELECT NEW.account_id WHERE NEW.account_id IS NOT OLD.account_id;
END;
