-- Programme office (docs/programme.md): applications as submitted before a call's deadline, and
-- reviewers' score sheets before a round is decided. Both are working copies: what counts is
-- sealed into audit_ledger (applications at the deadline, sheets with the round's decision).
CREATE TABLE office_applications (
    call_id        VARCHAR(64)  NOT NULL,
    application_id VARCHAR(64)  NOT NULL,
    submitted_by   VARCHAR(100) NOT NULL,
    submitted_at   VARCHAR(40)  NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    payload        TEXT         NOT NULL,
    PRIMARY KEY (call_id, application_id)
);

CREATE TABLE office_scores (
    call_id        VARCHAR(64)  NOT NULL,
    round_id       VARCHAR(64)  NOT NULL,
    reviewer       VARCHAR(64)  NOT NULL,
    application_id VARCHAR(64)  NOT NULL,
    submitted_at   VARCHAR(40)  NOT NULL,
    payload        TEXT         NOT NULL,
    PRIMARY KEY (call_id, round_id, reviewer, application_id)
);
