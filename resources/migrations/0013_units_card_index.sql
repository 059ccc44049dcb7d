-- units.card_serial references cards: without an index, deleting a card row (a void replays
-- its items) checks the foreign key by reading every unit.
CREATE INDEX units_card ON units (card_serial);
