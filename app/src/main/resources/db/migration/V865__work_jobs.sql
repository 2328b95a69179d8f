-- Background jobs other than eval runs (originality checks, quality scans) on the same kind of
-- queue as eval_shard: a job cut into shards that workers claim with SELECT ... FOR UPDATE SKIP
-- LOCKED under a lease, then one MERGE shard that joins the shards' results. See docs/workers.md.
CREATE TABLE work_job (
    id           VARCHAR(64)  PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    label        VARCHAR(300) NOT NULL,
    spec         TEXT         NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    submitted_by VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    result       TEXT,
    error        VARCHAR(1000)
);

-- merge = FALSE: one piece of the job (spec: what to compute), its result stored with it;
-- merge = TRUE: joins every piece's result once all are DONE. attempts is the holder's fencing
-- token, as in eval_shard. last_error stays after a successful retry, so progress can show why.
CREATE TABLE work_shard (
    job_id      VARCHAR(64)  NOT NULL REFERENCES work_job (id),
    shard_no    INTEGER      NOT NULL,
    merge       BOOLEAN      NOT NULL,
    label       VARCHAR(300) NOT NULL,
    spec        TEXT         NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    worker      VARCHAR(200),
    lease_until TIMESTAMP WITH TIME ZONE,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    last_error  VARCHAR(1000),
    result      TEXT,
    PRIMARY KEY (job_id, shard_no)
);
CREATE INDEX work_shard_claim ON work_shard (status, lease_until);
