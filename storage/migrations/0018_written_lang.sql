-- The language a member last wrote in to the bot (free text of a few words
-- whose language is clear): the reply language when nothing stronger
-- decides (no chosen language, no platform locale, a message too short to
-- tell). Part of the member's row, so `mydata export` shows it and
-- `mydata delete` removes it.
ALTER TABLE members ADD COLUMN written_lang TEXT NOT NULL DEFAULT '' CHECK (written_lang IN ('', 'sv', 'en'));
