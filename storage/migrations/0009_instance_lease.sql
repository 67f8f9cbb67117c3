-- The running instance's claim on this database: one row, renewed while
-- the bot runs, so a second copy refuses to start and a crashed one's
-- claim expires. (Also created by EnsureLeaseTable before the migrations
-- run, hence IF NOT EXISTS.)
CREATE TABLE IF NOT EXISTS instance_lease (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    owner   TEXT NOT NULL,
    host    TEXT NOT NULL,
    pid     INTEGER NOT NULL,
    since   INTEGER NOT NULL,
    renewed INTEGER NOT NULL
);
