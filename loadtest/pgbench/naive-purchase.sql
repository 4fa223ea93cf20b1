-- One purchase per transaction: record the order, claim n places with SKIP LOCKED, commit.
\set n random(1, 4)
BEGIN;
INSERT INTO naive_orders (performance_id, email, quantity) VALUES (1, 'buyer@example.com', :n) RETURNING id AS order_id \gset
WITH picked AS (
    SELECT id FROM naive_units
    WHERE performance_id = 1 AND zone_id = 1 AND status = 'AVAILABLE'
    LIMIT :n FOR UPDATE SKIP LOCKED)
UPDATE naive_units u SET status = 'SOLD', order_id = :order_id FROM picked WHERE u.id = picked.id;
COMMIT;
