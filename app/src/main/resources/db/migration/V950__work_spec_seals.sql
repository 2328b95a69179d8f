-- A job's spec and each piece's spec, sealed at submission (or when a running job adds a piece)
-- with the HMAC-SHA256 key the result seals use: a worker refuses a spec edited in the database
-- before it runs anything. Format hmac-sha256:<key id>:<hex>. See docs/workers.md.
ALTER TABLE work_job ADD COLUMN spec_seal VARCHAR(120);
ALTER TABLE work_shard ADD COLUMN spec_seal VARCHAR(120);
