-- The derived item tables get the foreign keys they lacked (a card's die, a die's and a board's
-- unit, a unit's batch) and a CHECK on each state column, so that a projector bug cannot store
-- an item in a state it can never be in, nor point at an item that does not exist.
-- SQLite cannot add constraints to a table: each is made anew under a temporary name that the
-- others reference, filled from the old one, and renamed (which renames the references too).
-- The new keys are DEFERRABLE INITIALLY DEFERRED because cards/dies and boards/units point at
-- each other: they are checked when the transaction commits.

CREATE TABLE cards_v14 (
    serial      TEXT PRIMARY KEY,
    model       TEXT NOT NULL,
    lot         TEXT NOT NULL,
    partner     TEXT,
    pcb_rev     TEXT,
    gpu_uuid    TEXT,
    state       TEXT NOT NULL CHECK (state IN ('received', 'stripped', 'scrapped')),
    die_id      TEXT REFERENCES dies_v14 (id) DEFERRABLE INITIALLY DEFERRED,
    received_at TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE dies_v14 (
    id           TEXT PRIMARY KEY,
    card_serial  TEXT NOT NULL UNIQUE REFERENCES cards_v14 (serial) DEFERRABLE INITIALLY DEFERRED,
    model        TEXT NOT NULL,
    marking      TEXT,
    date_code    TEXT,
    msl          TEXT,
    exposed_at   TEXT,
    alloy        TEXT,
    state        TEXT NOT NULL
                 CHECK (state IN ('stripped', 'reballed', 'mounted', 'repair', 'shipped', 'scrapped')),
    unit_serial  TEXT REFERENCES units_v14 (serial) DEFERRABLE INITIALLY DEFERRED,
    reball_count INTEGER NOT NULL DEFAULT 0,
    reflow_count INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);

CREATE TABLE boards_v14 (
    serial       TEXT PRIMARY KEY,
    state        TEXT NOT NULL CHECK (state IN ('mounted', 'shipped', 'scrapped')),
    unit_serial  TEXT NOT NULL REFERENCES units_v14 (serial) DEFERRABLE INITIALLY DEFERRED,
    reflow_count INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);

CREATE TABLE batches_v14 (
    id         TEXT PRIMARY KEY,
    model      TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('open', 'closed', 'shipped')),
    opened_at  TEXT NOT NULL,
    closed_at  TEXT,
    shipped_at TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE units_v14 (
    serial       TEXT PRIMARY KEY,
    die_id       TEXT NOT NULL UNIQUE REFERENCES dies_v14 (id) DEFERRABLE INITIALLY DEFERRED,
    board_serial TEXT NOT NULL UNIQUE REFERENCES boards_v14 (serial) DEFERRABLE INITIALLY DEFERRED,
    card_serial  TEXT NOT NULL REFERENCES cards_v14 (serial) DEFERRABLE INITIALLY DEFERRED,
    model        TEXT NOT NULL,
    state        TEXT NOT NULL
                 CHECK (state IN ('mounted', 'inspected', 'tested', 'repair', 'packed', 'shipped', 'scrapped')),
    repair_count INTEGER NOT NULL DEFAULT 0,
    batch_id     TEXT REFERENCES batches_v14 (id) DEFERRABLE INITIALLY DEFERRED,
    gpu_uuid     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

INSERT INTO cards_v14 SELECT serial, model, lot, partner, pcb_rev, gpu_uuid, state, die_id, received_at,
                             updated_at FROM cards;
INSERT INTO dies_v14 SELECT id, card_serial, model, marking, date_code, msl, exposed_at, alloy, state,
                            unit_serial, reball_count, reflow_count, updated_at FROM dies;
INSERT INTO boards_v14 SELECT serial, state, unit_serial, reflow_count, updated_at FROM boards;
INSERT INTO batches_v14 SELECT id, model, state, opened_at, closed_at, shipped_at, updated_at FROM batches;
INSERT INTO units_v14 SELECT serial, die_id, board_serial, card_serial, model, state, repair_count, batch_id,
                             gpu_uuid, created_at, updated_at FROM units;

-- Children first, so that no old row is deleted while an old row still points at it.
DROP TABLE units;
DROP TABLE boards;
DROP TABLE dies;
DROP TABLE cards;
DROP TABLE batches;

ALTER TABLE cards_v14 RENAME TO cards;
ALTER TABLE dies_v14 RENAME TO dies;
ALTER TABLE boards_v14 RENAME TO boards;
ALTER TABLE batches_v14 RENAME TO batches;
ALTER TABLE units_v14 RENAME TO units;

CREATE INDEX cards_lot ON cards (lot);
CREATE INDEX cards_gpu_uuid ON cards (gpu_uuid) WHERE gpu_uuid IS NOT NULL;
CREATE INDEX cards_received ON cards (received_at);
CREATE INDEX cards_state ON cards (state, updated_at);
-- Every column that references another table is indexed, so that deleting the row it points at
-- (a void replays its items) does not read the whole child table.
CREATE INDEX cards_die ON cards (die_id);
CREATE INDEX dies_state ON dies (state);
CREATE INDEX dies_unit ON dies (unit_serial);
CREATE INDEX boards_unit ON boards (unit_serial);
CREATE INDEX units_state ON units (state, updated_at);
CREATE INDEX units_batch ON units (batch_id);
CREATE INDEX units_gpu_uuid ON units (gpu_uuid) WHERE gpu_uuid IS NOT NULL;
CREATE INDEX units_created ON units (created_at, model, state, repair_count, batch_id);
CREATE INDEX units_card ON units (card_serial);
