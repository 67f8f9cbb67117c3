-- Learning from members (issue 15). Each knowledge answer given in chat is
-- kept for 180 days (like unanswered questions) so that members can vote on
-- it and organisers can see the answers voted down (`faq misses`). The rows
-- are the member's: forget cascades, export lists them.
CREATE TABLE IF NOT EXISTS answers (
    id        INTEGER PRIMARY KEY,
    platform  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    question  TEXT NOT NULL,
    topic_id  TEXT NOT NULL,
    lang      TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    asked_at  INTEGER NOT NULL,
    linked_to TEXT,                  -- topic id an organiser linked the question to
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS answers_by_time ON answers (asked_at);
CREATE INDEX IF NOT EXISTS answers_by_member ON answers (platform, user_id);

-- One vote per member and answer; the first one counts.
CREATE TABLE IF NOT EXISTS answer_votes (
    answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    platform  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    vote      TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    voted_at  INTEGER NOT NULL,
    PRIMARY KEY (answer_id, platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS answer_votes_by_member ON answer_votes (platform, user_id);

-- Members' questions an organiser linked to the topic that answers them
-- (`faq link`): added to the topic's example questions when the index is
-- built. The text became the knowledge base's, like an organiser's answer:
-- it stays when the answer it came from is pruned or its asker forgotten;
-- the organiser who linked it is the author.
CREATE TABLE IF NOT EXISTS topic_examples (
    topic_id   TEXT NOT NULL,
    lang       TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    question   TEXT NOT NULL,
    author     TEXT NOT NULL,        -- platform:id
    created_at INTEGER NOT NULL,
    PRIMARY KEY (topic_id, lang, question)
) WITHOUT ROWID;
