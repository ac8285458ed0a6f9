-- Data deliveries: the uploads, their accepted rows (canonical, non-personal columns only), the
-- problems found, saved column mappings and API tokens. One script for PostgreSQL and H2
-- (BYTEA is VARBINARY in H2 2.2; VARCHAR without length is unbounded in both).

CREATE SEQUENCE delivery_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE delivery (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    institution_id       BIGINT        NOT NULL REFERENCES institution (id),
    institution_name     VARCHAR(255)  NOT NULL,
    delivery_version     INTEGER       NOT NULL,
    previous_id          BIGINT        REFERENCES delivery (id),
    file_name            VARCHAR(255)  NOT NULL,
    file_format          VARCHAR(10)   NOT NULL,
    file_bytes           BIGINT        NOT NULL,
    dialect              VARCHAR(100),
    held_file            VARCHAR(1000),
    ticketing_system     VARCHAR(30),
    mapping_used         VARCHAR,
    uploaded_by          VARCHAR(254)  NOT NULL,
    uploaded_at          TIMESTAMP     NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    status_since         TIMESTAMP     NOT NULL,
    progress_rows        BIGINT        NOT NULL DEFAULT 0,
    rows_read            BIGINT        NOT NULL DEFAULT 0,
    rows_accepted        BIGINT        NOT NULL DEFAULT 0,
    rows_rejected        BIGINT        NOT NULL DEFAULT 0,
    rows_skipped         BIGINT        NOT NULL DEFAULT 0,
    placed_dutch         BIGINT        NOT NULL DEFAULT 0,
    placed_brabant       BIGINT        NOT NULL DEFAULT 0,
    rows_foreign         BIGINT        NOT NULL DEFAULT 0,
    skipped_lines        VARCHAR,
    rejected_csv         BYTEA,
    failure              VARCHAR(2000),
    review_comment       VARCHAR(2000),
    process_instance_id  VARCHAR(64),
    validated_at         TIMESTAMP,
    raw_deleted_at       TIMESTAMP,
    version              BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX delivery_institution_ix ON delivery (institution_id, uploaded_at);

CREATE TABLE delivery_problem (
    delivery_id   BIGINT        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    code          VARCHAR(40)   NOT NULL,
    row_count     BIGINT        NOT NULL,
    share         DOUBLE PRECISION NOT NULL,
    examples      VARCHAR(4000) NOT NULL,
    CONSTRAINT delivery_problem_pk PRIMARY KEY (delivery_id, code)
);

-- Bulk-loaded with COPY (PostgreSQL) or batches (H2); no surrogate key, rows are only ever read
-- and deleted per delivery or per institution.
CREATE TABLE delivery_row (
    delivery_id        BIGINT        NOT NULL REFERENCES delivery (id),
    institution_id     BIGINT        NOT NULL,
    line_no            BIGINT        NOT NULL,
    order_id           VARCHAR(100)  NOT NULL,
    customer_pseudonym VARCHAR(64)   NOT NULL,
    order_date         DATE          NOT NULL,
    event_id           VARCHAR(100),
    event_name         VARCHAR(255),
    event_date         DATE,
    venue              VARCHAR(255),
    genre              VARCHAR(100),
    price_type         VARCHAR(100),
    price              NUMERIC(12, 2),
    ticket_count       INTEGER       NOT NULL,
    sales_channel      VARCHAR(100),
    pc4                CHAR(4),
    municipality_code  VARCHAR(6),
    country            CHAR(2)       NOT NULL,
    outlier            BOOLEAN       NOT NULL
);
CREATE INDEX delivery_row_delivery_ix ON delivery_row (delivery_id);
CREATE INDEX delivery_row_institution_ix ON delivery_row (institution_id);

CREATE SEQUENCE saved_mapping_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE saved_mapping (
    id               BIGINT        NOT NULL PRIMARY KEY,
    institution_id   BIGINT        NOT NULL REFERENCES institution (id),
    header_signature VARCHAR(64)   NOT NULL,
    mapping          VARCHAR       NOT NULL,
    saved_by         VARCHAR(254)  NOT NULL,
    saved_at         TIMESTAMP     NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT saved_mapping_uq UNIQUE (institution_id, header_signature)
);

CREATE SEQUENCE api_token_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE api_token (
    id              BIGINT        NOT NULL PRIMARY KEY,
    institution_id  BIGINT        NOT NULL REFERENCES institution (id),
    label           VARCHAR(100)  NOT NULL,
    token_sha256    VARCHAR(64)   NOT NULL,
    created_by      VARCHAR(254)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    revoked_at      TIMESTAMP,
    revoked_by      VARCHAR(254),
    last_used_at    TIMESTAMP,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT api_token_hash_uq UNIQUE (token_sha256)
);
