-- Originality verdicts in Korean as well as English, the null's composition, and per finding the
-- share of parameters, coverage, the aligned block mapping and the tampering counts (as JSON).
-- Rows written before this migration keep NULL here; readers fall back to the English text.
ALTER TABLE forensics_report ADD COLUMN verdict_ko VARCHAR(1000);
ALTER TABLE forensics_report ADD COLUMN explanation_ko TEXT;
ALTER TABLE forensics_report ADD COLUMN null_json TEXT;
ALTER TABLE forensics_finding ADD COLUMN verdict_ko VARCHAR(1000);
ALTER TABLE forensics_finding ADD COLUMN explanation_ko TEXT;
ALTER TABLE forensics_finding ADD COLUMN details_json TEXT;
