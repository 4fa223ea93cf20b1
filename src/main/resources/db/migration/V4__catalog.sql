-- Events, performances and their price zones (module catalog).
CREATE TABLE events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organizer_id bigint      NOT NULL REFERENCES organizers (id),
    title        text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    category     text        NOT NULL,
    poster_ref   text,
    status       text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    version      int         NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_by_organizer ON events (organizer_id);

-- Stored statuses are the organizer's decisions; SOLD_OUT and ENDED are derived when read.
CREATE TABLE performances (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id              bigint      NOT NULL REFERENCES events (id),
    organizer_id          bigint      NOT NULL REFERENCES organizers (id),
    venue_id              bigint      NOT NULL REFERENCES venues (id),
    plan_id               bigint REFERENCES seating_plans (id),
    starts_at             timestamptz NOT NULL,
    doors_open_at         timestamptz,
    ends_at               timestamptz,
    sales_start_at        timestamptz,
    sales_end_at          timestamptz,
    status                text        NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'ON_SALE', 'PAUSED', 'CANCELLED')),
    currency              char(3)     NOT NULL DEFAULT 'CNY',
    hold_minutes          int         NOT NULL DEFAULT 10 CHECK (hold_minutes BETWEEN 1 AND 120),
    max_tickets_per_order int         NOT NULL DEFAULT 10 CHECK (max_tickets_per_order BETWEEN 1 AND 100),
    max_tickets_per_buyer int CHECK (max_tickets_per_buyer BETWEEN 1 AND 1000),
    version               int         NOT NULL DEFAULT 1,
    published_at          timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX performances_by_event ON performances (event_id);
CREATE INDEX performances_by_organizer ON performances (organizer_id, starts_at);
CREATE INDEX performances_public ON performances (starts_at, id) WHERE status <> 'DRAFT';

CREATE TABLE zones (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    performance_id bigint      NOT NULL REFERENCES performances (id) ON DELETE CASCADE,
    name           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('SEATED', 'GENERAL_ADMISSION')),
    price_minor    bigint      NOT NULL CHECK (price_minor >= 0),
    categories     text[]      NOT NULL DEFAULT '{}',
    capacity       int CHECK (capacity BETWEEN 1 AND 100000),
    standing_area  text,
    color          text,
    sort_order     int         NOT NULL DEFAULT 0,
    version        int         NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zones_by_performance ON zones (performance_id);
