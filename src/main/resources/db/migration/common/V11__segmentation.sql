-- Segment models (segmentation): a model version, its segments and the people or households per
-- segment per PC4. A model is never changed once imported: a new import of the same code is a new
-- version, so a report keeps pointing at the version it used. One script for PostgreSQL and H2.

CREATE SEQUENCE segment_model_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE segment_model (
    id             BIGINT         NOT NULL PRIMARY KEY,
    code           VARCHAR(60)    NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    model_version  INTEGER        NOT NULL,
    kind           VARCHAR(12)    NOT NULL,
    sources        VARCHAR        NOT NULL,
    licence        VARCHAR(2000)  NOT NULL,
    imported_by    VARCHAR(254)   NOT NULL,
    imported_at    TIMESTAMP      NOT NULL,
    status         VARCHAR(12)    NOT NULL,
    retired_at     TIMESTAMP,
    retired_by     VARCHAR(254),
    CONSTRAINT segment_model_version_uq UNIQUE (code, model_version)
);

CREATE TABLE segment (
    model_id     BIGINT         NOT NULL REFERENCES segment_model (id) ON DELETE CASCADE,
    code         VARCHAR(40)    NOT NULL,
    name_nl      VARCHAR(200)   NOT NULL,
    name_en      VARCHAR(200)   NOT NULL,
    description  VARCHAR(2000)  NOT NULL,
    colour       CHAR(7)        NOT NULL,
    position     INTEGER        NOT NULL,
    CONSTRAINT segment_pk PRIMARY KEY (model_id, code)
);

CREATE TABLE segment_area_count (
    model_id      BIGINT            NOT NULL REFERENCES segment_model (id) ON DELETE CASCADE,
    pc4           CHAR(4)           NOT NULL,
    segment_code  VARCHAR(40)       NOT NULL,
    people        DOUBLE PRECISION  NOT NULL,
    CONSTRAINT segment_area_count_pk PRIMARY KEY (model_id, pc4, segment_code)
);
