-- Step one of moving eval runs onto work_job / work_shard (docs/workers.md, "Eval runs and the job
-- tables"): a piece may name the model endpoint it asks, and a worker started with --endpoint takes
-- only pieces of the endpoints it may reach (NULL: a piece any worker may run). duration_ms is the
-- holder's claim-to-completion time by its monotonic clock, the per-kind shard latency of /metrics.
ALTER TABLE work_shard ADD COLUMN endpoint VARCHAR(500);
ALTER TABLE work_shard ADD COLUMN duration_ms BIGINT;
CREATE INDEX work_shard_endpoint ON work_shard (endpoint);
