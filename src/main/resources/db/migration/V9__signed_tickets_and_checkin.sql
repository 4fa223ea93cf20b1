-- Ed25519 key pairs that sign ticket QR codes. The id is the key id written into every payload
-- (4 bytes), random so that key ids reveal nothing about how many organizers there are.
-- SIGNING signs new tickets (one per organizer), VERIFYING still verifies, RETIRED is gone.
CREATE TABLE ticket_signing_keys (
    id           bigint      PRIMARY KEY CHECK (id BETWEEN 1 AND 4294967295),
    organizer_id bigint      NOT NULL REFERENCES organizers (id),
    public_key   bytea       NOT NULL,
    private_key  bytea       NOT NULL,
    status       text        NOT NULL CHECK (status IN ('SIGNING', 'VERIFYING', 'RETIRED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    retired_at   timestamptz
);
CREATE UNIQUE INDEX ticket_signing_keys_one_signing ON ticket_signing_keys (organizer_id)
    WHERE status = 'SIGNING';
CREATE INDEX ticket_signing_keys_by_organizer ON ticket_signing_keys (organizer_id);

-- A ticket's signed QR text is made once (lazily for tickets issued before signing existed) and
-- kept, so every rendering of a ticket shows the same code until it is re-signed or revoked.
-- The new columns stay nullable so the previous release, which does not know them, can still
-- issue tickets against this schema (expand/contract); the code fills them on first read.
ALTER TABLE tickets
    ADD COLUMN qr             text,
    ADD COLUMN key_id         bigint REFERENCES ticket_signing_keys (id),
    ADD COLUMN valid_from     timestamptz,
    ADD COLUMN valid_until    timestamptz,
    ADD COLUMN revoked_reason text CHECK (revoked_reason IN ('REFUNDED', 'TRANSFERRED')),
    ADD COLUMN replaced_by    bigint REFERENCES tickets (id);
UPDATE tickets t
SET valid_from  = coalesce(p.doors_open_at, p.starts_at) - interval '6 hours',
    valid_until = coalesce(p.ends_at, p.starts_at + interval '3 hours') + interval '6 hours',
    revoked_reason = CASE WHEN t.status = 'REVOKED' THEN 'REFUNDED' END
FROM performances p
WHERE p.id = t.performance_id;
CREATE INDEX tickets_by_holder_email ON tickets (lower(holder_email));
CREATE INDEX tickets_revoked_by_performance ON tickets (performance_id) WHERE status = 'REVOKED';

-- Check-in lists: which zones of a performance a gate admits, and how.
CREATE TABLE checkin_lists (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organizer_id   bigint      NOT NULL REFERENCES organizers (id),
    performance_id bigint      NOT NULL REFERENCES performances (id),
    name           text        NOT NULL,
    zone_ids       bigint[],   -- null: every zone
    exits          boolean     NOT NULL DEFAULT false,
    reentry        boolean     NOT NULL DEFAULT false,
    is_default     boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkin_lists_by_performance ON checkin_lists (organizer_id, performance_id);
-- Scans that name only a performance use its default list; one per performance, whoever is first.
CREATE UNIQUE INDEX checkin_lists_one_default ON checkin_lists (performance_id) WHERE is_default;

-- Where each ticket stands on a list. The primary key makes the first entry a single winner.
CREATE TABLE checkin_states (
    list_id          bigint      NOT NULL REFERENCES checkin_lists (id) ON DELETE CASCADE,
    ticket_id        bigint      NOT NULL REFERENCES tickets (id),
    ticket_code      text        NOT NULL,
    inside           boolean     NOT NULL,
    first_checked_in timestamptz NOT NULL,
    last_scan_at     timestamptz NOT NULL,
    PRIMARY KEY (list_id, ticket_id)
);

-- Every scan and its answer. A nonce makes a scan idempotent: the same nonce gets the same answer.
CREATE TABLE checkin_scans (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organizer_id bigint      NOT NULL REFERENCES organizers (id),
    list_id      bigint      REFERENCES checkin_lists (id) ON DELETE CASCADE,
    ticket_id    bigint      REFERENCES tickets (id),
    nonce        text,
    direction    text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    result       text        NOT NULL,
    device_id    text,
    scanned_at   timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    response     jsonb       NOT NULL
);
CREATE UNIQUE INDEX checkin_scans_by_nonce ON checkin_scans (organizer_id, nonce) WHERE nonce IS NOT NULL;
CREATE INDEX checkin_scans_by_list ON checkin_scans (list_id, device_id, result);
