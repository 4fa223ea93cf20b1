-- On-sale protection (module protection). One row per protected performance: its waiting room (a
-- start time and an admission rate, in batches of admit_batch), the proof-of-work difficulty for
-- holds and whether only accounts with a verified e-mail may buy. The waiting room's progress lives
-- here too: whether the pre-queue was shuffled, how large it was and how many places in the queue
-- have been admitted so far (fractional: the rate accrues per tick).
CREATE TABLE sale_protection (
    performance_id     bigint           PRIMARY KEY REFERENCES performances (id) ON DELETE CASCADE,
    queue_starts_at    timestamptz,
    admit_per_minute   int              NOT NULL DEFAULT 0,
    admit_batch        int              NOT NULL DEFAULT 1,
    admission_minutes  int              NOT NULL DEFAULT 10,
    challenge_bits     int              NOT NULL DEFAULT 0,
    verified_only      boolean          NOT NULL DEFAULT false,
    shuffled           boolean          NOT NULL DEFAULT false,
    prequeue_size      bigint           NOT NULL DEFAULT 0,
    admitted           double precision NOT NULL DEFAULT 0,
    ticked_at          timestamptz,
    updated_at         timestamptz      NOT NULL DEFAULT now()
);

-- One row per visitor in a waiting room, written when they join. number orders the queue:
-- NULL while in the pre-queue, -N..-1 after the shuffle at the start (a random order), then 1, 2,
-- ... for later arrivals from the performance's own sequence (waiting_room_<performance id>).
-- admitted_at: when the visitor first asked for an admission token; their window runs from then.
CREATE TABLE waiting_room_visitors (
    performance_id bigint      NOT NULL REFERENCES performances (id) ON DELETE CASCADE,
    visitor        uuid        NOT NULL,
    number         bigint,
    joined_at      timestamptz NOT NULL DEFAULT now(),
    admitted_at    timestamptz,
    PRIMARY KEY (performance_id, visitor)
);
CREATE UNIQUE INDEX waiting_room_visitors_number ON waiting_room_visitors (performance_id, number);
CREATE INDEX waiting_room_visitors_unnumbered ON waiting_room_visitors (performance_id) WHERE number IS NULL;

-- Single-use proofs already used (challenge solutions, admission tokens), kept until they expire.
CREATE TABLE protection_spent (
    id         bytea       PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX protection_spent_expiry ON protection_spent (expires_at);

-- Bucket4j's cluster-wide rate-limit buckets (PostgreSQL proxy manager): serialized bucket state,
-- expires_at in epoch milliseconds so idle buckets can be deleted.
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);
