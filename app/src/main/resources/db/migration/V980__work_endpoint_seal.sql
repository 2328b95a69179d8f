-- The endpoint a piece asks (work_shard.endpoint, NULL: none), sealed when the piece is queued with
-- the key of the spec seals (V950), in a domain of its own bound to the job and the piece: a worker
-- refuses a piece whose endpoint was edited, copied from another piece with its seal, or NULLed in
-- the database (which would move it to another endpoint's workers, permits and API key) right after
-- the claim, before it runs anything. The database holds no secret, so this migration cannot seal
-- the pieces already queued: they have no seal and are refused the same way, naming job and piece
-- and asking to submit the job again (as V965 did for needs). Format hmac-sha256:<key id>:<hex>.
-- See docs/workers.md.
ALTER TABLE work_shard ADD COLUMN endpoint_seal VARCHAR(120);
