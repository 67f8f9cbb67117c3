-- The language the member's console, dashboard or platform client last
-- stated (the console's --lang, Discord's interaction locale, Slack's user
-- locale): the language of a notice sent later, outside any conversation,
-- when the member chose none and has written nothing that tells. Part of
-- the member's row, so `mydata export` shows it and `mydata delete`
-- removes it.
ALTER TABLE members ADD COLUMN client_lang TEXT NOT NULL DEFAULT '' CHECK (client_lang IN ('', 'sv', 'en'));
