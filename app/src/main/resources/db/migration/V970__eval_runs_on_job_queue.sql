-- Distributed eval runs move onto the job queue (docs/workers.md): an eval run is a job of kind
-- 'eval' in work_job / work_shard, its samples in work_sample (V960). The old queue's tables go.
--
-- First, refuse while the old queue still has work in flight: old workers would go on writing to
-- tables that are about to be dropped, and the new workers cannot take those shards over. Neither
-- H2 nor PostgreSQL has one statement that raises an error with a message of our own (PostgreSQL's
-- RAISE needs a DO block, which H2 lacks), so the refusal is a conversion both databases refuse
-- while naming the text they could not convert: the message below, once per shard in flight. It
-- depends on a column, so neither database evaluates it unless such a row exists. H2 quotes only
-- about 200 characters of the text, so the message is short (docs/workers.md says more).
SELECT CAST(
    '업그레이드 중단: 옛 큐에 진행 중인 평가 조각이 있습니다. 워커가 마치게 한 뒤 다시 하세요'
    || ' / upgrade stopped: eval shards of the old queue are in flight; let the workers finish,'
    || ' then upgrade again (eval_shard ' || s.run_id || '#' || CAST(s.shard_no AS VARCHAR(12))
    || ' ' || s.status || ')'
    AS INTEGER)
FROM eval_shard s
WHERE s.status IN ('QUEUED', 'RUNNING');

-- A failed eval job resumed (gukdae eval --resume RUN --shard-size N) puts its failed pieces back
-- in the queue; attempt numbers keep counting (they are fencing tokens), and the claims before the
-- resume are kept here so each resume gives a piece its full number of tries (eval_shard's V942).
ALTER TABLE work_shard ADD COLUMN attempts_before INTEGER DEFAULT 0 NOT NULL;

DROP TABLE eval_sample;
DROP TABLE eval_shard;
DROP TABLE eval_job;
