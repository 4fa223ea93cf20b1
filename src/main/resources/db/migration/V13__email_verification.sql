-- A buyer account proves its e-mail address with a six-digit code sent there. One pending code per
-- account: its hash, when it stops working, and how many wrong guesses it has had.
CREATE TABLE email_verifications (
    account_id bigint      PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    email      text        NOT NULL,
    code_hash  bytea       NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts   int         NOT NULL DEFAULT 0,
    sent_at    timestamptz NOT NULL DEFAULT now()
);
