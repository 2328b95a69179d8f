-- What a job piece needs of the worker that runs it (CPU cores, memory in MiB; 0: nothing beyond
-- any worker), and what each worker declared it has: a claim hands a piece only to a worker whose
-- declared capacity covers it, and progress shows a piece no live worker can take. See
-- docs/workers.md.
ALTER TABLE work_shard ADD COLUMN need_cpus INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE work_shard ADD COLUMN need_memory_mb BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE eval_worker ADD COLUMN cpus INTEGER;
ALTER TABLE eval_worker ADD COLUMN memory_mb BIGINT;
