-- E-mails to buyers go through an outbox: written in the transaction of the change that causes
-- them (an order paid, a refund, a cancellation, a transfer), sent afterwards by whichever
-- instance claims them. Nothing is sent for a change that rolled back; nothing is lost when an
-- instance dies between claiming and sending (the claim is a lease that runs out).
CREATE TABLE mail_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    locale          text        NOT NULL,
    organizer_id    bigint      REFERENCES organizers (id),
    order_id        bigint      REFERENCES orders (id),
    params          jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_by_order ON mail_outbox (order_id, created_at) WHERE order_id IS NOT NULL;
CREATE INDEX mail_outbox_by_organizer ON mail_outbox (organizer_id, created_at);

-- The buyer's language at checkout, for messages about the order (older releases leave it empty:
-- messages then use the default language).
ALTER TABLE orders ADD COLUMN locale text;
