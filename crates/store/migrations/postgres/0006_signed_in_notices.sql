-- Each instance keeps the signed-in tokens it read lately (src/postgres/signed_in.rs). These
-- triggers tell every instance, through NOTIFY termin_auth '<account id>', when an account or
-- one of its tokens changes, whoever changes it. The notice is delivered when the transaction
-- commits. Marking a token used (`last_used_at`, at most every 5 minutes) sends none.
CREATE FUNCTION termin_notify_auth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify('termin_auth', '*');
    ELSIF TG_TABLE_NAME = 'accounts' THEN
        PERFORM pg_notify('termin_auth', OLD.id::text);
    ELSE
        PERFORM pg_notify('termin_auth', OLD.account_id::text);
        IF TG_OP = 'UPDATE' AND NEW.account_id <> OLD.account_id THEN
            PERFORM pg_notify('termin_auth', NEW.account_id::text);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER accounts_notify_auth AFTER UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION termin_notify_auth();
CREATE TRIGGER accounts_notify_auth_truncate AFTER TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION termin_notify_auth();

CREATE TRIGGER tokens_notify_auth_delete AFTER DELETE ON tokens
    FOR EACH ROW EXECUTE FUNCTION termin_notify_auth();
CREATE TRIGGER tokens_notify_auth_update AFTER UPDATE ON tokens
    FOR EACH ROW
    WHEN ((OLD.hash, OLD.account_id, OLD.kind, OLD.expires_at, OLD.used_at)
          IS DISTINCT FROM (NEW.hash, NEW.account_id, NEW.kind, NEW.expires_at, NEW.used_at))
    EXECUTE FUNCTION termin_notify_auth();
CREATE TRIGGER tokens_notify_auth_truncate AFTER TRUNCATE ON tokens
    FOR EACH STATEMENT EXECUTE FUNCTION termin_notify_auth();
