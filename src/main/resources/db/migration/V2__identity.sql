-- Accounts, organizers, memberships and API tokens (module identity).
CREATE TABLE accounts (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             text        NOT NULL,
    display_name      text        NOT NULL,
    password_hash     text        NOT NULL,
    platform_admin    boolean     NOT NULL DEFAULT false,
    email_verified_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT accounts_email_is_lower_case CHECK (email = lower(email))
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
CREATE INDEX accounts_platform_admin ON accounts (id) WHERE platform_admin;

CREATE TABLE organizers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organizers_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$')
);

CREATE TABLE memberships (
    organizer_id bigint      NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
    account_id   bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role         text        NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'BOX_OFFICE', 'SCANNER')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organizer_id, account_id)
);
CREATE INDEX memberships_by_account ON memberships (account_id);

-- Only a SHA-256 of each token is stored; the token itself is shown once, when issued.
CREATE TABLE api_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id    text        NOT NULL UNIQUE,
    account_id   bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL UNIQUE,
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_by_account ON api_tokens (account_id);
