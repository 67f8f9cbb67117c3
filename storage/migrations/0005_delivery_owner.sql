-- Which run of passionbot claimed a delivery: a restart resends only the
-- pending deliveries of earlier runs, never those its own scheduler is sending.
ALTER TABLE deliveries ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
