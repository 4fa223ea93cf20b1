-- A buyer asks for a refund; the organizer approves (everything still valid is refunded) or
-- declines with a note. At most one open request per order.
CREATE TABLE refund_requests (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     bigint      NOT NULL REFERENCES orders (id),
    organizer_id bigint      NOT NULL REFERENCES organizers (id),
    reason       text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'DECLINED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    decided_at   timestamptz,
    decided_by   text,
    note         text
);
CREATE UNIQUE INDEX refund_requests_one_open ON refund_requests (order_id) WHERE status = 'REQUESTED';
CREATE INDEX refund_requests_by_organizer ON refund_requests (organizer_id, status, created_at);
CREATE INDEX refund_requests_by_order ON refund_requests (order_id, created_at);
