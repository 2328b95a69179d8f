-- Why a run failed (also one that failed before its first sample: unknown data, model not opened),
-- and where its rows came from ('bundled' = the project's own sample rows, not the benchmark).
ALTER TABLE eval_run ADD COLUMN error VARCHAR(4000);
ALTER TABLE eval_run ADD COLUMN data_source VARCHAR(2000);
