-- Signed ledger entries: the office key's fingerprint and its Ed25519 signature over entry_hash
-- (both NULL on entries from before signing). Not part of entry_hash, so old hashes stay valid.
ALTER TABLE audit_ledger ADD COLUMN key_id VARCHAR(64);
ALTER TABLE audit_ledger ADD COLUMN signature VARCHAR(100);
-- The one row every writer locks (SELECT ... FOR UPDATE) for the length of its append
-- transaction: one writer at a time across processes (CLI and web server) on H2 and PostgreSQL.
CREATE TABLE audit_ledger_writer (
    id INTEGER PRIMARY KEY
);
INSERT INTO audit_ledger_writer (id) VALUES (1);
CREATE INDEX audit_ledger_kind ON audit_ledger (kind, seq);
