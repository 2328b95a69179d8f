-- Distributed eval runs: a run split into shards (task x sample range) that worker processes claim
-- with SELECT ... FOR UPDATE SKIP LOCKED and hold under a lease they renew; a lease that runs out
-- (a worker killed or cut off) lets another worker take the shard over. See docs/workers.md.
CREATE TABLE eval_job (
    run_id       VARCHAR(64)  PRIMARY KEY REFERENCES eval_run (id),
    spec         TEXT         NOT NULL,
    endpoint     VARCHAR(500) NOT NULL,
    shards_total INTEGER      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- kind SAMPLES: samples [first_index, end_index) of one task; kind MERGE: builds the results once
-- every SAMPLES shard of the run is DONE. attempts doubles as the fencing token of the holder.
CREATE TABLE eval_shard (
    run_id      VARCHAR(64)  NOT NULL REFERENCES eval_job (run_id),
    shard_no    INTEGER      NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    task        VARCHAR(300),
    first_index INTEGER      NOT NULL,
    end_index   INTEGER      NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    worker      VARCHAR(200),
    lease_until TIMESTAMP WITH TIME ZONE,
    last_error  VARCHAR(1000),
    PRIMARY KEY (run_id, shard_no),
    -- kind and status are Java enums; no CHECK on them, since H2 2.4.240 evaluates a CHECK that
    -- compares strings with the session that created it and fails once that session is closed
    CHECK (first_index >= 0 AND end_index >= first_index)
);
CREATE INDEX eval_shard_claim ON eval_shard (status, lease_until);

-- One record per sample: the first successful answer wins; an error record may be replaced by a
-- success when the shard is retried, never the reverse.
CREATE TABLE eval_sample (
    run_id  VARCHAR(64)  NOT NULL REFERENCES eval_job (run_id),
    task    VARCHAR(300) NOT NULL,
    doc_id  INTEGER      NOT NULL,
    ok      BOOLEAN      NOT NULL,
    record  TEXT         NOT NULL,
    PRIMARY KEY (run_id, task, doc_id)
);

CREATE TABLE eval_worker (
    id           VARCHAR(200) PRIMARY KEY,
    host         VARCHAR(200) NOT NULL,
    capacity     INTEGER      NOT NULL,
    endpoints    VARCHAR(2000) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Requests in flight one endpoint may get from all workers together. A worker holds permits under
-- a lease; permits of a lease that ran out count for nobody.
CREATE TABLE eval_endpoint_limit (
    endpoint      VARCHAR(500) PRIMARY KEY,
    max_in_flight INTEGER      NOT NULL,
    CHECK (max_in_flight > 0)
);

CREATE TABLE eval_endpoint_permit (
    endpoint    VARCHAR(500) NOT NULL REFERENCES eval_endpoint_limit (endpoint),
    worker      VARCHAR(200) NOT NULL,
    permits     INTEGER      NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (endpoint, worker),
    CHECK (permits > 0)
);
