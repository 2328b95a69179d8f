-- A piece put back after a retryable model error (an endpoint's HTTP 429 or 503) waits before its
-- next claim: not_before is the database's time from which it may be claimed again (NULL: at
-- once), set by the release to now plus a backoff that doubles with each try (1 s, 2 s, 4 s, ...
-- at most 60 s), so a few seconds of 429s cannot spend every try in milliseconds. The claim skips
-- a queued piece whose not_before is still ahead. See docs/workers.md.
ALTER TABLE work_shard ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
