-- Lookups of one item's events of one step (first inspection, retests, who mounted it) are the
-- heart of the dashboard's yield figures; without this index each was a scan of all events.
CREATE INDEX events_subject_step ON events (subject, step, seq);

-- Range filters of the dashboard on the derived state.
CREATE INDEX units_created ON units (created_at);
CREATE INDEX cards_received ON cards (received_at);
CREATE INDEX cards_state ON cards (state, updated_at);
