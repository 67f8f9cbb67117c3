-- Matching: who opted in, and every match made (for history and to avoid repeats).
CREATE TABLE match_optin (
    platform    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    opted_in_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE matches (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    made_at  INTEGER NOT NULL,
    shared   TEXT NOT NULL DEFAULT '' -- the interests named in the intro
);

CREATE TABLE match_members (
    match_id INTEGER NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    PRIMARY KEY (match_id, platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX match_members_by_user ON match_members (platform, user_id);
