-- The sale (modules inventory, ordering, payment, ticketing, platform).

ALTER TABLE performances ADD COLUMN payment_minutes int NOT NULL DEFAULT 15
    CHECK (payment_minutes BETWEEN 1 AND 1440);

-- A hold reserves units for minutes; its code is the buyer's proof of it. Expiry is lazy: a unit
-- whose held_until has passed counts as available, whatever this table says.
CREATE TABLE holds (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text        NOT NULL UNIQUE,
    performance_id bigint      NOT NULL REFERENCES performances (id),
    quantity       int         NOT NULL CHECK (quantity > 0),
    status         text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RELEASED', 'EXPIRED', 'ORDERED')),
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX holds_active_by_expiry ON holds (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX units_by_hold ON units (hold_id) WHERE hold_id IS NOT NULL;
CREATE INDEX units_by_order ON units (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE orders (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code              text        NOT NULL UNIQUE,
    access_token_hash bytea       NOT NULL UNIQUE,
    organizer_id      bigint      NOT NULL REFERENCES organizers (id),
    performance_id    bigint      NOT NULL REFERENCES performances (id),
    hold_id           bigint REFERENCES holds (id),
    channel           text        NOT NULL CHECK (channel IN ('ONLINE', 'BOX_OFFICE')),
    status            text        NOT NULL
        CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'EXPIRED', 'REFUNDED')),
    email             text        NOT NULL,
    name              text        NOT NULL,
    phone             text,
    account_id        bigint REFERENCES accounts (id),
    buyer_key         text        NOT NULL,
    currency          char(3)     NOT NULL,
    total_minor       bigint      NOT NULL CHECK (total_minor >= 0),
    payment_method    text        NOT NULL,
    payment_due_at    timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    paid_at           timestamptz,
    closed_at         timestamptz,
    version           int         NOT NULL DEFAULT 1
);
CREATE INDEX orders_by_performance ON orders (performance_id, status);
CREATE INDEX orders_by_buyer ON orders (performance_id, buyer_key) WHERE status IN ('PENDING_PAYMENT', 'PAID');
CREATE INDEX orders_pending_by_due ON orders (payment_due_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_by_organizer ON orders (organizer_id, created_at DESC);
CREATE INDEX orders_by_account ON orders (account_id) WHERE account_id IS NOT NULL;

-- ACTIVE while the order holds or owns the unit; RELEASED when an unpaid order ended; REFUNDED.
CREATE TABLE order_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint NOT NULL REFERENCES orders (id),
    unit_id     bigint NOT NULL REFERENCES units (id),
    zone_id     bigint NOT NULL,
    zone_name   text   NOT NULL,
    seat_id     text,
    seat_label  text,
    price_minor bigint NOT NULL CHECK (price_minor >= 0),
    status      text   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RELEASED', 'REFUNDED'))
);
CREATE INDEX order_items_by_order ON order_items (order_id);
-- The last line of defence: no unit is ever in two live orders.
CREATE UNIQUE INDEX order_items_one_live_order_per_unit ON order_items (unit_id) WHERE status = 'ACTIVE';

-- Payments are immutable intents; what happened to them is an append-only ledger.
CREATE TABLE payments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         text        NOT NULL UNIQUE,
    order_id     bigint      NOT NULL,
    organizer_id bigint      NOT NULL,
    method       text        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor >= 0),
    currency     char(3)     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_by_order ON payments (order_id);

CREATE TABLE payment_ledger (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id         bigint      NOT NULL REFERENCES payments (id),
    kind               text        NOT NULL CHECK (kind IN ('INITIATED', 'CONFIRMED', 'FAILED', 'REFUNDED')),
    amount_minor       bigint      NOT NULL CHECK (amount_minor >= 0),
    provider_reference text,
    reason             text,
    actor              text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_ledger_by_payment ON payment_ledger (payment_id);
-- A payment has one outcome; a duplicate or contradicting callback inserts nothing.
CREATE UNIQUE INDEX payment_ledger_one_outcome ON payment_ledger (payment_id) WHERE kind IN ('CONFIRMED', 'FAILED');

CREATE TABLE tickets (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text        NOT NULL UNIQUE,
    order_id       bigint      NOT NULL,
    order_item_id  bigint      NOT NULL,
    organizer_id   bigint      NOT NULL,
    performance_id bigint      NOT NULL,
    unit_id        bigint      NOT NULL,
    zone_id        bigint      NOT NULL,
    zone_name      text        NOT NULL,
    seat_id        text,
    seat_label     text,
    holder_name    text        NOT NULL,
    holder_email   text        NOT NULL,
    status         text        NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID', 'REVOKED')),
    issued_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);
CREATE INDEX tickets_by_order ON tickets (order_id);
CREATE INDEX tickets_by_performance ON tickets (performance_id);
CREATE UNIQUE INDEX tickets_one_valid_per_unit ON tickets (unit_id) WHERE status = 'VALID';

-- Who changed what and when, for orders and payments.
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    actor        text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   bigint      NOT NULL,
    action       text        NOT NULL,
    details      jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_subject ON audit_log (subject_type, subject_id, id);

-- Replays of mutating requests: the first response is kept for a day.
CREATE TABLE idempotency_keys (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash bytea       NOT NULL,
    status       int,
    content_type text,
    headers      jsonb,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- Keys the cluster shares (signing keys for callbacks, tokens, …), generated on first use.
CREATE TABLE platform_secrets (
    name       text PRIMARY KEY,
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Seat neighbourhood for best-available seating: the plan zone (block) and the position in the
-- row, counting an aisle as a gap, so neighbours are exactly the seats whose seq differs by 1.
ALTER TABLE units ADD COLUMN block text;
ALTER TABLE units ADD COLUMN seq int;
-- Lets the tidy-up job find lapsed holds without scanning sold units.
CREATE INDEX units_held_by_expiry ON units (held_until) WHERE status = 'HELD';
