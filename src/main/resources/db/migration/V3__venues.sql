-- Venues and their seating plans (module venue). Plans are immutable revisions: a new import
-- adds a revision, and a published performance keeps the revision it was published with.
CREATE TABLE venues (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organizer_id bigint      NOT NULL REFERENCES organizers (id),
    name         text        NOT NULL,
    address      text        NOT NULL DEFAULT '',
    city         text        NOT NULL,
    time_zone    text        NOT NULL,
    version      int         NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX venues_by_organizer ON venues (organizer_id);

CREATE TABLE seating_plans (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    venue_id          bigint      NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    revision          int         NOT NULL,
    document          jsonb       NOT NULL,
    seat_count        int         NOT NULL,
    standing_capacity int         NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (venue_id, revision)
);
