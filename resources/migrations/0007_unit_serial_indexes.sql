-- Shipping a batch, scrapping a unit and sending a die to repair all find the unit's die and
-- board by unit serial. Without these indexes each of them read every die and board ever made:
-- at 300,000 units, one batch shipment took most of a second.
CREATE INDEX dies_unit ON dies (unit_serial) WHERE unit_serial IS NOT NULL;
CREATE INDEX boards_unit ON boards (unit_serial);
