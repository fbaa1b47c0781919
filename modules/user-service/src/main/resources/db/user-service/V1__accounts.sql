-- Accounts and the server-side record of refresh tokens (user-service). Kernel tables are V0.x.

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    username      text        NOT NULL,
    -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Unique whatever the case: "Ann@x.io" and "ann@x.io" are one address, "Ann" and "ann" one name.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- One row per refresh token issued (id = the token's jti). A login starts a family; each refresh marks its token
-- rotated and adds the next one to the family. Presenting a rotated token again means it leaked: the whole
-- family is revoked. The access token issued alongside is remembered so revoking a family can revoke it too.
CREATE TABLE refresh_tokens (
    id                uuid        PRIMARY KEY,
    family_id         uuid        NOT NULL,
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at         timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    access_token_id   text        NOT NULL,
    access_expires_at timestamptz NOT NULL,
    rotated_at        timestamptz,
    revoked_at        timestamptz
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_access_idx ON refresh_tokens (access_token_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
