-- Questions the bot could not answer, counted by their normalized text.
-- Who asked is deliberately not stored.
CREATE TABLE unanswered_questions (
    id          INTEGER PRIMARY KEY,
    normalized  TEXT NOT NULL UNIQUE,
    question    TEXT NOT NULL,        -- the first phrasing seen
    lang        TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    times_asked INTEGER NOT NULL DEFAULT 1,
    first_asked INTEGER NOT NULL,
    last_asked  INTEGER NOT NULL,
    answered_by TEXT                  -- knowledge entry id once answered
);

-- Knowledge entries written by organisers. An id equal to a built-in topic's
-- overrides it.
CREATE TABLE knowledge_entries (
    id         TEXT NOT NULL,
    lang       TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    tags       TEXT NOT NULL DEFAULT '',   -- comma-separated
    related    TEXT NOT NULL DEFAULT '',   -- comma-separated ids
    source     TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL,              -- platform:id
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Where each member is in the learn course.
CREATE TABLE learn_progress (
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    lesson     INTEGER NOT NULL DEFAULT 0,  -- 0-based lesson index
    question   INTEGER NOT NULL DEFAULT -1, -- -1: lesson text not shown yet
    correct    INTEGER NOT NULL DEFAULT 0,  -- correct answers in all
    answered   INTEGER NOT NULL DEFAULT 0,  -- answers given in all
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
