-- Where `reworkctl verify` last found the event chain intact: the next verify walks on from that
-- link (after checking it still holds that hash), `verify --full` from the first event (issue #21).
-- Append-only like the chain: a mark is never moved, only a newer one added.
CREATE TABLE verify_marks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    event_seq   INTEGER NOT NULL,
    hash        TEXT NOT NULL,
    full_walk   INTEGER NOT NULL CHECK (full_walk IN (0, 1)),
    verified_at TEXT NOT NULL
);
CREATE TRIGGER verify_marks_append_only_update BEFORE UPDATE ON verify_marks
BEGIN
    SELECT RAISE(ABORT, 'verify_marks is append-only');
END;
CREATE TRIGGER verify_marks_append_only_delete BEFORE DELETE ON verify_marks
BEGIN
    SELECT RAISE(ABORT, 'verify_marks is append-only');
END;
