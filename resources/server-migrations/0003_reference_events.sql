-- Reference data recorded like work (issue #16): stations push their changes of operators,
-- permissions, products, limits, settings, stations and label templates as events (step
-- 'reference'); the server derives its reference tables from them, column by column, the newest
-- change winning (the same rule every station applies). Rows from before have baseline events
-- made by server-init at the earliest time, so any real change wins over them.
CREATE TABLE reference_versions (
    tbl     text NOT NULL,
    row_key text NOT NULL,
    field   text NOT NULL,
    version text NOT NULL,
    PRIMARY KEY (tbl, row_key, field)
);
CREATE TABLE stations (
    id         text PRIMARY KEY,
    step       text NOT NULL,
    name       text,
    created_at text NOT NULL
);
CREATE TABLE permissions (
    role   text NOT NULL,
    action text NOT NULL,
    PRIMARY KEY (role, action)
);
CREATE INDEX events_reference ON events (server_seq) WHERE step = 'reference';

-- Which stations record at each station database, for "last synced" per station.
ALTER TABLE origins ADD COLUMN stations text NOT NULL DEFAULT '';

-- Conflicts of boards and cards are found like those of dies.
CREATE INDEX events_mount_board ON events ((payload ->> 'board')) WHERE step = 'mount';
CREATE INDEX events_intake_card ON events ((payload ->> 'card')) WHERE step = 'intake';
-- A station's sequence numbers are its own: one number, one event.
CREATE INDEX events_origin_seq ON events (origin, origin_seq);
