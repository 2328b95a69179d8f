-- Eval runs on the job queue (docs/workers.md, "The steps of the move"): each answered sample of an
-- eval job, stored by the piece that asked it as soon as it finishes, so a piece taken over after a
-- crash asks only the samples not stored yet. The rules of eval_sample: one record per sample, the
-- first success wins, an error may be replaced by a success and never the reverse. seal: an
-- HMAC-SHA256 under a key derived from the server secret (never stored here) over the job id, task,
-- doc id and record (as eval_sample.seal, V941); every row is sealed, so NOT NULL.
CREATE TABLE work_sample (
    job_id  VARCHAR(64)  NOT NULL REFERENCES work_job (id),
    task    VARCHAR(300) NOT NULL,
    doc_id  INTEGER      NOT NULL,
    ok      BOOLEAN      NOT NULL,
    record  TEXT         NOT NULL,
    seal    VARCHAR(120) NOT NULL,
    PRIMARY KEY (job_id, task, doc_id)
);
