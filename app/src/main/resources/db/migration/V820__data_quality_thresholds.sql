-- The programme's quality limits per criterion, as the office sets them over REST. Each change is a
-- new revision (nothing is updated in place); the latest revision is in force. The revision is the
-- primary key, so two offices saving on top of the same revision get one success and one refusal.
CREATE TABLE data_quality_thresholds (
    revision    INTEGER       PRIMARY KEY,
    thresholds  TEXT          NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    set_by      VARCHAR(200)  NOT NULL,
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
