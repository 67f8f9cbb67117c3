-- The statistics' growth of interests (`stats`, the dashboard's chart):
-- how many of a tag's members had added it by a date is a range count on
-- this index instead of a lookup of every such row.
CREATE INDEX IF NOT EXISTS interests_by_platform_tag_added ON interests (platform, tag_key, added_at);
