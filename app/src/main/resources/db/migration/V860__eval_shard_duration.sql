-- How long a finished shard's last attempt took, claim to completion, as its worker measured it
-- (monotonic clock): the shard latency GET /metrics reports as a summary. NULL for shards finished
-- before this column existed. See docs/deploy.md.
ALTER TABLE eval_shard ADD COLUMN duration_ms BIGINT;
