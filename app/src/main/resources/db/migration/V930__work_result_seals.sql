-- A job piece's result, and a finished job's result, sealed with an HMAC-SHA256 under a key derived
-- from the server secret (never stored here): the join refuses a piece whose stored result was
-- edited after a worker computed it. Format hmac-sha256:<key id>:<hex>. See docs/workers.md.
ALTER TABLE work_shard ADD COLUMN result_seal VARCHAR(120);
ALTER TABLE work_job ADD COLUMN result_seal VARCHAR(120);
