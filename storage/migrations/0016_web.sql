-- Signing in to the web dashboard without passwords (issue 18). `dashboard`
-- in chat gives a member a one-time link; the link opens a session. Only
-- SHA-256 hashes (hex) of the link's token and of the session id are
-- stored: whoever reads the file (a backup, a copied database) cannot sign
-- in with them. Both belong to a member: forget cascades, export lists
-- when they were made and used but never the hashes or the CSRF token.
CREATE TABLE IF NOT EXISTS web_links (
    token_hash TEXT PRIMARY KEY,                          -- hex SHA-256 of the token in the link
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',                  -- display name when the link was made
    lang       TEXT NOT NULL CHECK (lang IN ('sv', 'en')), -- the language the member was answered in
    created_at INTEGER NOT NULL,                          -- unix seconds
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,                                   -- NULL until used; used once
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS web_links_by_member ON web_links (platform, user_id);
CREATE INDEX IF NOT EXISTS web_links_by_expiry ON web_links (expires_at);

CREATE TABLE IF NOT EXISTS web_sessions (
    id_hash    TEXT PRIMARY KEY,                          -- hex SHA-256 of the session cookie's id
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    lang       TEXT NOT NULL CHECK (lang IN ('sv', 'en')), -- the member's choice on the page
    csrf       TEXT NOT NULL,                             -- the token every POST carries
    created_at INTEGER NOT NULL,
    seen_at    INTEGER NOT NULL,                          -- last use, to the minute: idle sessions end
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS web_sessions_by_member ON web_sessions (platform, user_id);
CREATE INDEX IF NOT EXISTS web_sessions_by_seen ON web_sessions (seen_at);

-- (IF NOT EXISTS throughout: the newest step may be applied again, as
-- TestSecondInstanceRefused does.)
