-- The naive baseline: units and orders as a straightforward ticketing schema would have them.
DROP TABLE IF EXISTS naive_units, naive_orders;
CREATE TABLE naive_units (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    performance_id bigint NOT NULL,
    zone_id        bigint NOT NULL,
    status         text   NOT NULL DEFAULT 'AVAILABLE',
    order_id       bigint
);
CREATE TABLE naive_orders (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    performance_id bigint      NOT NULL,
    email          text        NOT NULL,
    quantity       int         NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
-- Enough places that pgbench never runs out within its time limit.
INSERT INTO naive_units (performance_id, zone_id) SELECT 1, 1 FROM generate_series(1, 1000000);
CREATE INDEX ON naive_units (performance_id, zone_id, status);
VACUUM ANALYZE naive_units;
