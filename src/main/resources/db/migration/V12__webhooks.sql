-- Organizers' webhooks: endpoints that hear about sales, and every delivery to them. A delivery is
-- written in the transaction of the change it reports (an outbox, as mail_outbox), then sent by
-- whichever instance claims it, retried with backoff for up to three days.
CREATE TABLE webhooks (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text        NOT NULL UNIQUE,
    organizer_id   bigint      NOT NULL REFERENCES organizers (id),
    url            text        NOT NULL,
    events         text[]      NOT NULL,
    secret_sealed  bytea       NOT NULL,
    enabled        boolean     NOT NULL DEFAULT true,
    disabled_reason text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);
CREATE INDEX webhooks_by_organizer ON webhooks (organizer_id) WHERE deleted_at IS NULL;

CREATE TABLE webhook_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code            text        NOT NULL UNIQUE,
    webhook_id      bigint      NOT NULL REFERENCES webhooks (id),
    event           text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_status     int,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id DESC);

-- performance.sold_out is reported once per performance.
CREATE TABLE webhook_sold_out (
    performance_id bigint      PRIMARY KEY REFERENCES performances (id),
    reported_at    timestamptz NOT NULL DEFAULT now()
);
