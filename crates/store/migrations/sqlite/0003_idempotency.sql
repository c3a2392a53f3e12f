-- A booking retried with the same Idempotency-Key creates one appointment (issue 4).
CREATE TABLE idempotency_keys (
    account_id     INTEGER NOT NULL REFERENCES accounts(id),
    key            TEXT    NOT NULL,
    appointment_id INTEGER NOT NULL REFERENCES appointments(id),
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
);
