-- Models the programme office registered: the only remote models that eval runs, arena battles and
-- judges may name. The key is never stored, only the name of the environment variable holding it.
CREATE TABLE registered_model (
  name          VARCHAR(100) PRIMARY KEY,
  adapter       VARCHAR(40)  NOT NULL,
  model         VARCHAR(200) NOT NULL,
  base_url      VARCHAR(500) NOT NULL,
  key_ref       VARCHAR(100) NOT NULL,
  registered_by VARCHAR(64)  NOT NULL,
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
