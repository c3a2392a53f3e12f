-- The office floor (issue 3): kiosk and display devices, tickets, and the events that the
-- waiting-room display and the audit trail read.

CREATE TABLE devices (
    id          INTEGER PRIMARY KEY,
    office_id   TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('kiosk', 'display')),
    name        TEXT    NOT NULL,
    token_hash  TEXT    NOT NULL UNIQUE,
    created_by  INTEGER NOT NULL REFERENCES accounts(id),
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX devices_office ON devices(office_id);

-- The last ticket number given per office, day and visit-type group ('B-042').
CREATE TABLE ticket_numbers (
    office_id  TEXT    NOT NULL,
    local_date TEXT    NOT NULL,
    grp        TEXT    NOT NULL,
    last       INTEGER NOT NULL,
    PRIMARY KEY (office_id, local_date, grp)
);

-- A ticket is a place in today's queue: a checked-in appointment or a walk-in.
-- Status uses the appointment vocabulary: 'checked-in' (waiting), 'called', 'served', 'no-show'.
CREATE TABLE tickets (
    id             INTEGER PRIMARY KEY,
    office_id      TEXT    NOT NULL,
    local_date     TEXT    NOT NULL,
    number         TEXT    NOT NULL,
    appointment_id INTEGER UNIQUE REFERENCES appointments(id),
    visit_type_id  TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('checked-in', 'called', 'served', 'no-show')),
    -- Queue order: rank (0 on-time appointment, 1 late appointment, 2 walk-in), then instant.
    rank           INTEGER NOT NULL,
    priority_at    INTEGER NOT NULL,
    counter        TEXT,
    checked_in_at  INTEGER NOT NULL,
    called_at      INTEGER,
    finished_at    INTEGER,
    UNIQUE (office_id, local_date, number)
);
-- A counter serves one person at a time: a second "call next" cannot call a second person.
CREATE UNIQUE INDEX tickets_one_called_per_counter ON tickets(office_id, local_date, counter)
    WHERE status = 'called';
CREATE INDEX tickets_queue ON tickets(office_id, local_date, status, rank, priority_at);

-- Every action on the floor, with who did it; the display reads the calls from here
-- (the event id is the SSE id, so a reconnecting screen catches up with Last-Event-ID).
CREATE TABLE floor_events (
    id               INTEGER PRIMARY KEY,
    office_id        TEXT    NOT NULL,
    local_date       TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    ticket_id        INTEGER NOT NULL REFERENCES tickets(id),
    ticket           TEXT    NOT NULL,
    counter          TEXT,
    actor_account_id INTEGER REFERENCES accounts(id),
    actor_device_id  INTEGER REFERENCES devices(id),
    at               INTEGER NOT NULL
);
CREATE INDEX floor_events_office ON floor_events(office_id, id);
