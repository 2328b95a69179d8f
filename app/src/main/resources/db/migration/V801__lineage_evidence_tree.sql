-- The model tree a derivative count was taken from, as counted (each node with its verdict), so a
-- stage decision links down to the snapshot behind the number. Rows counted before stay NULL.
ALTER TABLE lineage_evidence ADD COLUMN tree_json TEXT;
ALTER TABLE lineage_evidence ADD COLUMN tree_truncated BOOLEAN;
