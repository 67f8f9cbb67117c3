-- Limits on what one member can store (issue 13): who asked an unanswered
-- question, so that each member counts once per question and has a bounded
-- number of open ones. The question's text stays anonymous; the link goes
-- with the member (forget cascades, export lists it) and with the question.
CREATE TABLE IF NOT EXISTS question_askers (
    question_id INTEGER NOT NULL REFERENCES unanswered_questions (id) ON DELETE CASCADE,
    platform    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    asked_at    INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id, question_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS question_askers_by_question ON question_askers (question_id);

-- Retention: questions not asked for a while and old audit entries are
-- deleted by age.
CREATE INDEX IF NOT EXISTS unanswered_by_last_asked ON unanswered_questions (last_asked);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit_log (at);

-- (IF NOT EXISTS throughout: the newest step may be applied again, as
-- TestSecondInstanceRefused does.)
