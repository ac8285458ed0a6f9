-- Knowledge sessions: the session with its audience, registrations (with the waiting list),
-- materials, evaluations, and the knowledge base's articles.
-- Material content (bytes) and full-text search differ per database: see ../h2 and ../postgresql V6.

CREATE SEQUENCE knowledge_session_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE knowledge_session (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    title                  VARCHAR(200)  NOT NULL,
    theme                  VARCHAR(200)  NOT NULL,
    starts_at              TIMESTAMP     NOT NULL,
    ends_at                TIMESTAMP     NOT NULL,
    place                  VARCHAR(300),
    online_link            VARCHAR(500),
    capacity               INTEGER       NOT NULL,
    registration_deadline  TIMESTAMP     NOT NULL,
    audience_kind          VARCHAR(20)   NOT NULL,
    audience_type          VARCHAR(30),
    agenda                 VARCHAR(10000),
    findings               VARCHAR(4000),
    status                 VARCHAR(30)   NOT NULL,
    notes                  VARCHAR(20000),
    cancel_reason          VARCHAR(1000),
    process_instance_id    VARCHAR(64),
    created_by             VARCHAR(254)  NOT NULL,
    created_at             TIMESTAMP     NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT knowledge_session_capacity_ck CHECK (capacity > 0),
    CONSTRAINT knowledge_session_dates_ck CHECK (ends_at > starts_at AND registration_deadline <= starts_at)
);
CREATE INDEX knowledge_session_starts_idx ON knowledge_session (starts_at);

CREATE TABLE knowledge_session_institution (
    session_id      BIGINT NOT NULL REFERENCES knowledge_session (id) ON DELETE CASCADE,
    institution_id  BIGINT NOT NULL REFERENCES institution (id),
    PRIMARY KEY (session_id, institution_id)
);

CREATE TABLE knowledge_session_role (
    session_id  BIGINT      NOT NULL REFERENCES knowledge_session (id) ON DELETE CASCADE,
    role        VARCHAR(30) NOT NULL,
    PRIMARY KEY (session_id, role)
);

CREATE SEQUENCE session_registration_seq START WITH 1000 INCREMENT BY 50;
-- One row per person and session: cancelling and registering again reuses it (and goes to the back of the queue).
CREATE TABLE session_registration (
    id              BIGINT       NOT NULL PRIMARY KEY,
    session_id      BIGINT       NOT NULL REFERENCES knowledge_session (id) ON DELETE CASCADE,
    username        VARCHAR(254) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    institution_id  BIGINT,
    status          VARCHAR(20)  NOT NULL,
    registered_at   TIMESTAMP    NOT NULL,
    cancelled_at    TIMESTAMP,
    attended        BOOLEAN,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT session_registration_person_uq UNIQUE (session_id, username)
);
CREATE INDEX session_registration_user_idx ON session_registration (username);

CREATE SEQUENCE session_material_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE session_material (
    id            BIGINT       NOT NULL PRIMARY KEY,
    session_id    BIGINT       NOT NULL REFERENCES knowledge_session (id) ON DELETE CASCADE,
    file_name     VARCHAR(255) NOT NULL,
    kind          VARCHAR(10)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    uploaded_by   VARCHAR(254) NOT NULL,
    uploaded_at   TIMESTAMP    NOT NULL
);
CREATE INDEX session_material_session_idx ON session_material (session_id);

CREATE SEQUENCE session_evaluation_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE session_evaluation (
    id            BIGINT        NOT NULL PRIMARY KEY,
    session_id    BIGINT        NOT NULL REFERENCES knowledge_session (id) ON DELETE CASCADE,
    username      VARCHAR(254)  NOT NULL,
    rating        INTEGER       NOT NULL,
    comments      VARCHAR(4000),
    submitted_at  TIMESTAMP     NOT NULL,
    CONSTRAINT session_evaluation_rating_ck CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT session_evaluation_person_uq UNIQUE (session_id, username)
);

CREATE SEQUENCE kb_article_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE kb_article (
    id            BIGINT        NOT NULL PRIMARY KEY,
    title         VARCHAR(200)  NOT NULL,
    theme         VARCHAR(200)  NOT NULL,
    body          VARCHAR(30000) NOT NULL,
    session_id    BIGINT        REFERENCES knowledge_session (id),
    author        VARCHAR(254)  NOT NULL,
    published_at  TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    -- title, theme, tags and body in one column, kept by the entity: what full-text search reads
    search_text   VARCHAR(32000) NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX kb_article_published_idx ON kb_article (published_at);

CREATE TABLE kb_article_tag (
    article_id  BIGINT      NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
    tag         VARCHAR(60) NOT NULL,
    PRIMARY KEY (article_id, tag)
);

CREATE TABLE kb_article_type (
    article_id        BIGINT      NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
    institution_type  VARCHAR(30) NOT NULL,
    PRIMARY KEY (article_id, institution_type)
);
