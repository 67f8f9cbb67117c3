-- Every privileged action: who, what, target, reason, platform, result.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       INTEGER NOT NULL,
    platform TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    action   TEXT NOT NULL,
    target   TEXT NOT NULL DEFAULT '',
    reason   TEXT NOT NULL DEFAULT '',
    result   TEXT NOT NULL CHECK (result IN ('ok', 'refused', 'failed')),
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_target ON audit_log (platform, target);
