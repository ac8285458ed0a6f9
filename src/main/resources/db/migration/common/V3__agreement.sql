-- Data-sharing agreements: template versions, agreements with their PDFs, signatures.
-- BYTEA is PostgreSQL's binary type and an alias of BINARY VARYING (up to 1 GB) in H2 2.2,
-- so one script serves both databases.

CREATE SEQUENCE agreement_template_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE agreement_template (
    id                BIGINT         NOT NULL PRIMARY KEY,
    template_version  INTEGER        NOT NULL,
    title             VARCHAR(255)   NOT NULL,
    body_html         VARCHAR(200000) NOT NULL,
    based_on          INTEGER,
    created_at        TIMESTAMP      NOT NULL,
    created_by        VARCHAR(254)   NOT NULL,
    published_at      TIMESTAMP,
    published_by      VARCHAR(254),
    version           BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT agreement_template_version_uq UNIQUE (template_version)
);

CREATE SEQUENCE agreement_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE agreement (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    number               VARCHAR(12)   NOT NULL,
    institution_id       BIGINT        NOT NULL REFERENCES institution (id),
    institution_name     VARCHAR(255)  NOT NULL,
    template_version     INTEGER       NOT NULL,
    renewal_of           BIGINT        REFERENCES agreement (id),
    process_instance_id  VARCHAR(64),
    status               VARCHAR(30)   NOT NULL,
    status_since         TIMESTAMP     NOT NULL,
    start_date           DATE          NOT NULL,
    end_date             DATE          NOT NULL,
    retention_months     INTEGER       NOT NULL,
    breach_hours         INTEGER       NOT NULL,
    original_pdf         BYTEA         NOT NULL,
    original_sha256      VARCHAR(64)   NOT NULL,
    signed_pdf           BYTEA,
    signed_sha256        VARCHAR(64),
    created_at           TIMESTAMP     NOT NULL,
    activated_at         TIMESTAMP,
    end_reason           VARCHAR(2000),
    ended_by             VARCHAR(254),
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT agreement_number_uq UNIQUE (number)
);
CREATE INDEX agreement_institution_idx ON agreement (institution_id);
CREATE INDEX agreement_status_idx ON agreement (status);

CREATE SEQUENCE agreement_signature_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE agreement_signature (
    id               BIGINT        NOT NULL PRIMARY KEY,
    agreement_id     BIGINT        NOT NULL REFERENCES agreement (id),
    role             VARCHAR(20)   NOT NULL,
    username         VARCHAR(254)  NOT NULL,
    signer_name      VARCHAR(255)  NOT NULL,
    email            VARCHAR(254)  NOT NULL,
    signed_at        TIMESTAMP     NOT NULL,
    document_sha256  VARCHAR(64)   NOT NULL,
    client_ip        VARCHAR(64)   NOT NULL,
    CONSTRAINT agreement_signature_role_uq UNIQUE (agreement_id, role)
);
