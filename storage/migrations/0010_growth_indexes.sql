-- Indexes for the lists that grow with the community (found by the soak
-- test): the interests of one platform by tag, and the open questions in
-- the order `faq unanswered` lists them.
DROP INDEX IF EXISTS interests_by_tag;
CREATE INDEX IF NOT EXISTS interests_by_platform_tag ON interests (platform, tag_key, tag);
CREATE INDEX IF NOT EXISTS open_questions ON unanswered_questions (times_asked DESC, last_asked DESC, id)
    WHERE answered_by IS NULL;
