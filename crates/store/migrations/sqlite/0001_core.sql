-- Termín core schema (SQLite). Instants are Unix seconds (UTC); local dates are 'YYYY-MM-DD'
-- in Europe/Prague. PostgreSQL gets its own migrations with the same version numbers.

CREATE TABLE accounts (
    id                INTEGER PRIMARY KEY,
    -- domain.md §2: one account per e-mail; stored trimmed and lower-cased by the domain parser.
    email             TEXT    NOT NULL UNIQUE,
    password_hash     TEXT    NOT NULL,
    full_name         TEXT    NOT NULL,
    date_of_birth     TEXT    NOT NULL,
    language          TEXT    NOT NULL,
    role              TEXT    NOT NULL CHECK (role IN ('applicant', 'staff', 'admin')),
    email_verified_at INTEGER,
    created_at        INTEGER NOT NULL,
    deleted_at        INTEGER
);

CREATE TABLE staff_offices (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    office_id  TEXT    NOT NULL,
    PRIMARY KEY (account_id, office_id)
);

-- The account holder is always a person with relation 'self'; children under 15 are persons
-- with relation 'child' (domain.md §2).
CREATE TABLE persons (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    full_name     TEXT    NOT NULL,
    date_of_birth TEXT    NOT NULL,
    relation      TEXT    NOT NULL CHECK (relation IN ('self', 'child')),
    created_at    INTEGER NOT NULL
);
CREATE INDEX persons_account ON persons(account_id);
CREATE UNIQUE INDEX persons_one_self ON persons(account_id) WHERE relation = 'self';

-- Browser sessions, API bearer tokens, e-mail verification and password-reset tokens.
-- Only a SHA-256 of the secret is stored.
CREATE TABLE tokens (
    hash         TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id),
    kind         TEXT    NOT NULL CHECK (kind IN ('session', 'api', 'verify', 'reset')),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
);
CREATE INDEX tokens_account ON tokens(account_id, kind);

-- Lazily materialised slots: a row appears with the first booking of that start.
CREATE TABLE slots (
    id            INTEGER PRIMARY KEY,
    office_id     TEXT    NOT NULL,
    visit_type_id TEXT    NOT NULL,
    start_at      INTEGER NOT NULL,
    end_at        INTEGER NOT NULL,
    capacity      INTEGER NOT NULL CHECK (capacity >= 0),
    booked        INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    UNIQUE (office_id, visit_type_id, start_at)
);

CREATE TABLE appointments (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts(id),
    person_id           INTEGER NOT NULL REFERENCES persons(id),
    office_id           TEXT    NOT NULL,
    visit_type_id       TEXT    NOT NULL,
    slot_id             INTEGER NOT NULL REFERENCES slots(id),
    start_at            INTEGER NOT NULL,
    end_at              INTEGER NOT NULL,
    local_date          TEXT    NOT NULL,
    pin                 TEXT    NOT NULL CHECK (length(pin) = 4),
    status              TEXT    NOT NULL CHECK (status IN ('booked', 'checked-in', 'called', 'served', 'cancelled', 'no-show')),
    language            TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    status_changed_at   INTEGER NOT NULL,
    -- A cancellation by the client counts against the 10-in-90-days limit (domain.md §2);
    -- a release by staff (account deletion) does not.
    cancelled_by_client INTEGER NOT NULL DEFAULT 0,
    sequence            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX appointments_account ON appointments(account_id, start_at);
CREATE INDEX appointments_status_start ON appointments(status, start_at);
-- PIN unique among the active appointments of one office and day (api.md).
CREATE UNIQUE INDEX appointments_pin_per_office_day ON appointments(office_id, local_date, pin)
    WHERE status IN ('booked', 'checked-in', 'called');
-- One active appointment per person and visit type (domain.md §2).
CREATE UNIQUE INDEX appointments_one_active_per_person_type ON appointments(person_id, visit_type_id)
    WHERE status IN ('booked', 'checked-in', 'called');

-- Failed logins and registrations per bucket ('login-account:<email>', 'login-ip:<ip>', 'register-ip:<ip>').
CREATE TABLE rate_events (
    id     INTEGER PRIMARY KEY,
    bucket TEXT    NOT NULL,
    at     INTEGER NOT NULL
);
CREATE INDEX rate_events_bucket ON rate_events(bucket, at);

-- Background jobs, written in the same transaction as what causes them.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    run_at       INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    last_error   TEXT,
    done_at      INTEGER,
    dedupe_key   TEXT UNIQUE,
    created_at   INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs(done_at, run_at);
