-- Platform-wide access: the arena's accounts become the platform's accounts, each with any number
-- of roles (OFFICE, REVIEWER, TEAM, EXPERT, VOTER). A TEAM role names the team it belongs to.
CREATE TABLE account_role (
  username   VARCHAR(64) NOT NULL REFERENCES arena_account (username),
  role       VARCHAR(16) NOT NULL,
  team_id    VARCHAR(64),
  granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (username, role),
  CHECK ((role = 'TEAM') = (team_id IS NOT NULL))
);

-- The arena's roles carry over: an administrator is the office and still votes as an expert.
INSERT INTO account_role (username, role, team_id, granted_at)
  SELECT username, 'OFFICE', NULL, created_at FROM arena_account WHERE role = 'ADMIN';
INSERT INTO account_role (username, role, team_id, granted_at)
  SELECT username, 'EXPERT', NULL, created_at FROM arena_account WHERE role IN ('ADMIN', 'EXPERT');
INSERT INTO account_role (username, role, team_id, granted_at)
  SELECT username, 'VOTER', NULL, created_at FROM arena_account WHERE role = 'PUBLIC';

-- The look-alike skeleton of the name (NFKC, case-folded, confusables folded): unique, so
-- 'Admin1' cannot sit beside 'admin1'. Filled by the application for rows that predate it.
ALTER TABLE arena_account ADD COLUMN username_key VARCHAR(64);
CREATE UNIQUE INDEX arena_account_username_key ON arena_account (username_key);

-- Sessions are swept by expiry; the sweep needs this index to stay cheap.
CREATE INDEX arena_session_expires ON arena_session (expires_at);
