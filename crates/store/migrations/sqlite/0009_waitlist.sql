-- The waitlist (fair access): requests filed by a person for a visit type, and the freed
-- places offered to them. PostgreSQL's 0009 has the same tables and indexes.

CREATE TABLE waitlist_requests (
    id                INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts(id),
    person_id         INTEGER NOT NULL REFERENCES persons(id),
    visit_type_id     TEXT    NOT NULL,
    -- The acceptable offices as ',a,b,' (ids are slugs: no comma), matched with LIKE.
    offices           TEXT    NOT NULL,
    date_from         TEXT    NOT NULL,
    date_to           TEXT    NOT NULL,
    morning           INTEGER NOT NULL,
    afternoon         INTEGER NOT NULL,
    -- The language of the mails about it.
    language          TEXT    NOT NULL,
    status            TEXT    NOT NULL
                      CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn', 'expired')),
    created_at        INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL
);
-- One open request per person and visit type.
CREATE UNIQUE INDEX waitlist_one_open_per_person_type ON waitlist_requests(person_id, visit_type_id)
    WHERE status IN ('waiting', 'offered');
-- The queue: the waiting requests of a visit type in order of filing.
CREATE INDEX waitlist_queue ON waitlist_requests(visit_type_id, created_at, id)
    WHERE status = 'waiting';
CREATE INDEX waitlist_account ON waitlist_requests(account_id);

CREATE TABLE offers (
    id             INTEGER PRIMARY KEY,
    request_id     INTEGER NOT NULL REFERENCES waitlist_requests(id),
    -- The place is held in this slot (counted in slots.booked) while the offer is open.
    slot_id        INTEGER NOT NULL REFERENCES slots(id),
    office_id      TEXT    NOT NULL,
    visit_type_id  TEXT    NOT NULL,
    start_at       INTEGER NOT NULL,
    end_at         INTEGER NOT NULL,
    local_date     TEXT    NOT NULL,
    status         TEXT    NOT NULL
                   CHECK (status IN ('open', 'accepted', 'declined', 'lapsed', 'withdrawn')),
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    decided_at     INTEGER,
    appointment_id INTEGER REFERENCES appointments(id)
);
CREATE UNIQUE INDEX offers_one_open_per_request ON offers(request_id) WHERE status = 'open';
CREATE INDEX offers_open_expiry ON offers(expires_at) WHERE status = 'open';
CREATE INDEX offers_slot ON offers(slot_id, request_id);
