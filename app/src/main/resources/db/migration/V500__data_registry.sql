-- Data governance: suppliers, teams known to the data office, datasets and their versions,
-- agreements (grants), training-data commitments, quality reports and openness records.
CREATE TABLE data_supplier (
    id          VARCHAR(80)  PRIMARY KEY,
    name        VARCHAR(300) NOT NULL,
    free_help   BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE data_team (
    id                  VARCHAR(80) PRIMARY KEY,
    commercial_release  BOOLEAN     NOT NULL
);

CREATE TABLE data_dataset (
    id                VARCHAR(80)   PRIMARY KEY,
    supplier_id       VARCHAR(80)   NOT NULL REFERENCES data_supplier (id),
    title             VARCHAR(300)  NOT NULL,
    modality          VARCHAR(20)   NOT NULL,
    licence           VARCHAR(200)  NOT NULL,
    rights_basis      VARCHAR(1000) NOT NULL,
    usage_who         VARCHAR(300)  NOT NULL,
    usage_purpose     VARCHAR(300)  NOT NULL,
    commercial        BOOLEAN       NOT NULL,
    term_start        DATE          NOT NULL,
    term_end          DATE          NOT NULL,
    delivery          VARCHAR(200)  NOT NULL,
    price_krw         BIGINT        NOT NULL,
    provenance        VARCHAR(1000) NOT NULL,
    government_funded BOOLEAN       NOT NULL,
    description       TEXT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (term_end >= term_start),
    CHECK (price_krw >= 0)
);

CREATE TABLE data_version (
    dataset_id  VARCHAR(80)  NOT NULL REFERENCES data_dataset (id),
    version     VARCHAR(80)  NOT NULL,
    bytes       BIGINT       NOT NULL,
    records     BIGINT       NOT NULL,
    sha256      VARCHAR(64),
    built_by    VARCHAR(80)  REFERENCES data_team (id),
    opened      BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dataset_id, version)
);

CREATE TABLE data_agreement (
    id          VARCHAR(80) PRIMARY KEY,
    supplier_id VARCHAR(80) NOT NULL REFERENCES data_supplier (id),
    team_id     VARCHAR(80) NOT NULL REFERENCES data_team (id),
    dataset_id  VARCHAR(80) NOT NULL REFERENCES data_dataset (id),
    commercial  BOOLEAN     NOT NULL,
    term_start  DATE        NOT NULL,
    term_end    DATE        NOT NULL,
    replaces    VARCHAR(80) REFERENCES data_agreement (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (term_end >= term_start)
);

CREATE TABLE data_commitment (
    root         VARCHAR(64) NOT NULL,
    team_id      VARCHAR(80) NOT NULL,
    ledger_seq   BIGINT      NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    manifest     TEXT        NOT NULL,
    PRIMARY KEY (team_id, root)
);

CREATE TABLE data_quality_report (
    dataset_id  VARCHAR(80) NOT NULL,
    version     VARCHAR(80) NOT NULL,
    round       INTEGER     NOT NULL,
    passed      BOOLEAN     NOT NULL,
    report      TEXT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dataset_id, version, round),
    FOREIGN KEY (dataset_id, version) REFERENCES data_version (dataset_id, version)
);
