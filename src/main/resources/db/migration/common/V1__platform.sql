-- Platform: institutions, users and their roles, the audit log.
-- Written in the SQL that H2 and PostgreSQL share; vendor-specific scripts live in ../h2 and ../postgresql.

CREATE SEQUENCE institution_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE app_user_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE audit_entry_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE institution (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    type               VARCHAR(30)  NOT NULL,
    municipality_code  VARCHAR(6),
    status             VARCHAR(30)  NOT NULL,
    created_at         TIMESTAMP    NOT NULL,
    status_since       TIMESTAMP    NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX institution_status_idx ON institution (status);

CREATE TABLE app_user (
    id              BIGINT       NOT NULL PRIMARY KEY,
    username        VARCHAR(254) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(400),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    institution_id  BIGINT REFERENCES institution (id),
    locale          VARCHAR(5)   NOT NULL DEFAULT 'nl',
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP,
    last_login_at   TIMESTAMP,
    created_at      TIMESTAMP    NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_uq UNIQUE (username)
);
CREATE INDEX app_user_institution_idx ON app_user (institution_id);

CREATE TABLE app_user_role (
    user_id  BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role     VARCHAR(30) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE audit_entry (
    id              BIGINT        NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP     NOT NULL,
    actor           VARCHAR(254)  NOT NULL,
    action          VARCHAR(80)   NOT NULL,
    object_type     VARCHAR(60),
    object_id       VARCHAR(80),
    institution_id  BIGINT,
    details         VARCHAR(2000)
);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_institution_idx ON audit_entry (institution_id);
