-- Where each print stands, and how many copies it asked for. label_prints stays append-only; this
-- row follows the label:
--   queued            waiting to be sent, or the printer said it cannot print now (detail: why)
--   failed            the last attempt did not reach the printer or broke off; retried
--   sent_unconfirmed  the printer took the bytes but never answered its status query
--   delivered         written to its file, handed to the system printer, or taken by a printer
--                     that reported itself ready
--   cancelled         taken out of the queue by a person, with a reason (audited)
-- A delivered or sent-unconfirmed label (it may be on paper) makes the next print a reprint.
-- IF NOT EXISTS / OR IGNORE: a file taken back to an older schema with this table kept migrates again.
CREATE TABLE IF NOT EXISTS label_delivery (
    print_id   TEXT PRIMARY KEY REFERENCES label_prints (id),
    state      TEXT NOT NULL
               CHECK (state IN ('queued', 'failed', 'sent_unconfirmed', 'delivered', 'cancelled')),
    detail     TEXT,
    copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 99),
    changed_at TEXT NOT NULL
);

-- Prints made before (one copy each): a label still in the queue is queued (failed once tried);
-- one the old code sent was never confirmed by the printer; files and system printers were delivered.
INSERT OR IGNORE INTO label_delivery (print_id, state, detail, changed_at)
SELECT p.id,
       CASE WHEN q.print_id IS NOT NULL THEN CASE WHEN q.attempts > 0 THEN 'failed' ELSE 'queued' END
            WHEN p.output = 'send' THEN 'sent_unconfirmed'
            ELSE 'delivered' END,
       q.last_error,
       p.printed_at
FROM label_prints p LEFT JOIN label_queue q ON q.print_id = p.id;
