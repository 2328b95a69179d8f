-- Each stored sample of a distributed eval run carries a seal: an HMAC-SHA256 under a key derived
-- from the server secret (never stored here) over the run id, task, doc id and the record, so the
-- merge refuses a record edited, re-hashed, moved to another doc or left unsealed in the database
-- after a worker stored it. Format hmac-sha256:<key id>:<hex>, as work_shard.result_seal.
-- Samples stored before this column existed have none and are refused at the merge: let running
-- distributed runs finish before upgrading. See docs/workers.md.
ALTER TABLE eval_sample ADD COLUMN seal VARCHAR(120);
