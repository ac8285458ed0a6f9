-- Audience reports: one row per version of an institution's report. The figures are stored here as
-- JSON (segmentation.entity.AudienceFigures, exact counts) when the report is computed, so a published
-- report survives the deletion of the raw rows it was computed from and is never recomputed.
-- model_version_id names the segment model version used; no foreign key, so that a model version can
-- be archived without touching the reports that used it (the label is kept beside it).
CREATE SEQUENCE audience_report_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE audience_report (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    institution_id       BIGINT        NOT NULL REFERENCES institution (id),
    institution_name     VARCHAR(255)  NOT NULL,
    report_version       INTEGER       NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    status_since         TIMESTAMP     NOT NULL,
    delivery_ids         VARCHAR(2000) NOT NULL,
    requested_by         VARCHAR(254)  NOT NULL,
    requested_at         TIMESTAMP     NOT NULL,
    model_version_id     BIGINT,
    model_label          VARCHAR(255),
    figures              VARCHAR,
    computed_at          TIMESTAMP,
    reviewed_by          VARCHAR(254),
    reviewed_at          TIMESTAMP,
    approved_by          VARCHAR(254),
    approved_at          TIMESTAMP,
    published_at         TIMESTAMP,
    superseded_at        TIMESTAMP,
    superseded_by_id     BIGINT,
    remarks              VARCHAR(4000),
    answer               VARCHAR(4000),
    questions            VARCHAR(4000),
    process_instance_id  VARCHAR(64),
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT audience_report_version_uq UNIQUE (institution_id, report_version)
);
CREATE INDEX audience_report_status_ix ON audience_report (status, institution_id);
