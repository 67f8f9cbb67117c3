-- Members as platforms report them, and role grants.
CREATE TABLE members (
    platform     TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    locale       TEXT NOT NULL DEFAULT '' CHECK (locale IN ('', 'sv', 'en')),
    first_seen   INTEGER NOT NULL, -- unix seconds
    last_seen    INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id)
) WITHOUT ROWID;

CREATE TABLE role_grants (
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('organiser', 'moderator', 'admin')),
    granted_by TEXT NOT NULL,
    granted_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
