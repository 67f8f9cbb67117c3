-- Members' profiles and interests.
CREATE TABLE profiles (
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    drive      TEXT NOT NULL DEFAULT '' CHECK (drive IN ('', 'passion', 'market', 'both')),
    about      TEXT NOT NULL DEFAULT '',
    region     TEXT NOT NULL DEFAULT '',
    offers     TEXT NOT NULL DEFAULT '',
    needs      TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL DEFAULT 'members' CHECK (visibility IN ('members', 'organisers', 'hidden')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE interests (
    platform TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    tag_key  TEXT NOT NULL, -- normalized: stems and synonyms joined
    tag      TEXT NOT NULL, -- as the member wrote it, cleaned
    added_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id, tag_key),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX interests_by_tag ON interests (tag_key);
