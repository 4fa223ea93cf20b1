-- Sellable units (module inventory): one row per seat and per general-admission place. Capacity
-- is the number of rows, never a counter, so no single row is contended during an on-sale.
CREATE TABLE units (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    performance_id bigint NOT NULL REFERENCES performances (id),
    zone_id        bigint NOT NULL REFERENCES zones (id),
    seat_id        text,
    row_label      text,
    seat_number    text,
    x              real,
    y              real,
    status         text   NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD', 'BLOCKED')),
    hold_id        bigint,
    held_until     timestamptz,
    order_id       bigint
) WITH (fillfactor = 90);
CREATE UNIQUE INDEX units_by_seat ON units (performance_id, seat_id) WHERE seat_id IS NOT NULL;
CREATE INDEX units_by_zone_and_status ON units (performance_id, zone_id, status);
