-- Optional verified accounts for public voters. A public voter may register (role PUBLIC); an
-- administrator records that the person behind it passed the contest's out-of-band identity check
-- (gukdae records who verified it and when; it does not perform the check).
ALTER TABLE arena_account ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE arena_account ADD COLUMN verified_by VARCHAR(64) REFERENCES arena_account (username);

-- Whether a vote came from a verified account, fixed when the vote is written: a later
-- verification does not reach back to earlier votes.
ALTER TABLE arena_vote ADD COLUMN verified BOOLEAN DEFAULT FALSE NOT NULL;
