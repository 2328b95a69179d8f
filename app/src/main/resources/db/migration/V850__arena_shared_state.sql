-- State the arena's web instances share, so several of them can run behind any load balancer
-- without sticky sessions (docs/arena-web.md#several-instances).

-- Sliding-window rate limits, one row per limited key ("vote:<voter>", "anon:<address>", ...).
-- events holds the window's recent events as "epoch-millis:count" pairs; a transaction that
-- counts an event holds the row's lock, so two instances never both admit the last one.
CREATE TABLE rate_window (
  rate_key   VARCHAR(300)  PRIMARY KEY,
  events     VARCHAR(4000) NOT NULL,
  touched_at BIGINT        NOT NULL
);
CREATE INDEX rate_window_touched ON rate_window (touched_at);

-- A turn being generated: the answers so far, written a few times a second by the instance that
-- generates them, so a stream opened on another instance can follow. One live turn per battle
-- (the primary key); the row goes in the same transaction that stores the finished turn in
-- arena_turn. beat_at older than a few seconds' heartbeats means the instance died mid-turn.
CREATE TABLE arena_stream (
  battle_id VARCHAR(40)    PRIMARY KEY REFERENCES arena_battle (id),
  turn_no   INT            NOT NULL,
  owner     VARCHAR(40)    NOT NULL,
  answer_a  VARCHAR(40000) NOT NULL,
  answer_b  VARCHAR(40000) NOT NULL,
  done_a    BOOLEAN        NOT NULL,
  done_b    BOOLEAN        NOT NULL,
  beat_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
