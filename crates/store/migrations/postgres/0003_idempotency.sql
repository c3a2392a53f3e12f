-- A booking retried with the same Idempotency-Key creates one appointment (issue 4).
CREATE TABLE idempotency_keys (
    account_id     BIGINT NOT NULL REFERENCES accounts(id),
    key            TEXT   NOT NULL,
    appointment_id BIGINT NOT NULL REFERENCES appointments(id),
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (account_id, key)
);
