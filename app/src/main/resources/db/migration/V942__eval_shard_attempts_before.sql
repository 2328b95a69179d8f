-- A failed distributed run resumed (gukdae eval --resume RUN --shard-size N) puts its failed shards
-- back in the queue. Their attempt counters keep counting, since an attempt number is its holder's
-- fencing token and a holder from before the failure must never match a new claim; the claims
-- before the resume are kept here so each resume gives a shard its full number of tries.
ALTER TABLE eval_shard ADD COLUMN attempts_before INTEGER DEFAULT 0 NOT NULL;
