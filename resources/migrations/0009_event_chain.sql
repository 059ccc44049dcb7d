-- Tamper evidence: each event's SHA-256 over its content and the previous event's hash, in this
-- database's order. Changing, removing or inserting an event breaks the chain from there on;
-- `reworkctl verify` walks it and names the first broken entry. Append-only like the log.
CREATE TABLE event_chain (
    event_seq INTEGER PRIMARY KEY REFERENCES events (seq),
    hash      TEXT NOT NULL
);
CREATE TRIGGER event_chain_append_only_update BEFORE UPDATE ON event_chain
BEGIN
    SELECT RAISE(ABORT, 'event_chain is append-only');
END;
CREATE TRIGGER event_chain_append_only_delete BEFORE DELETE ON event_chain
BEGIN
    SELECT RAISE(ABORT, 'event_chain is append-only');
END;

-- Events recorded before this migration get their links when the database is next opened.
INSERT INTO config (key, value) SELECT 'derived.chain', '1' WHERE EXISTS (SELECT 1 FROM events);
