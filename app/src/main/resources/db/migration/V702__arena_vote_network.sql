-- The network (IPv4 /24, IPv6 /48) a vote came from, so bursts of targeted votes from one network
-- can be found and quarantined. Votes from before this column have none and are never quarantined
-- by the network rule.
ALTER TABLE arena_vote ADD COLUMN network VARCHAR(64);
CREATE INDEX arena_vote_network ON arena_vote (network, voted_at);
