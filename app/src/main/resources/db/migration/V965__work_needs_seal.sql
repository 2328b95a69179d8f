-- What a piece needs (need_cpus, need_memory_mb from V951), sealed when the piece is queued with
-- the key of the spec seals (V950), in a domain of its own: a worker refuses a piece whose needs
-- were edited in the database (made smaller, so that a worker too small for it takes it, or larger)
-- right after the claim, before it runs anything. Pieces queued before this version have no seal
-- and are refused the same way. Format hmac-sha256:<key id>:<hex>. See docs/workers.md.
ALTER TABLE work_shard ADD COLUMN needs_seal VARCHAR(120);
