-- Onboarding: the institution's profile, its venues, invitations and applications.

ALTER TABLE institution ADD COLUMN kvk_number VARCHAR(8);
ALTER TABLE institution ADD COLUMN street VARCHAR(200);
ALTER TABLE institution ADD COLUMN postcode VARCHAR(7);
ALTER TABLE institution ADD COLUMN city VARCHAR(100);
ALTER TABLE institution ADD COLUMN website VARCHAR(200);
ALTER TABLE institution ADD COLUMN ticketing_system VARCHAR(30);
ALTER TABLE institution ADD COLUMN ticketing_system_other VARCHAR(100);
ALTER TABLE institution ADD COLUMN contact_name VARCHAR(200);
ALTER TABLE institution ADD COLUMN contact_email VARCHAR(254);
ALTER TABLE institution ADD COLUMN director_name VARCHAR(200);
ALTER TABLE institution ADD COLUMN director_email VARCHAR(254);
ALTER TABLE institution ADD COLUMN review_comment VARCHAR(4000);
ALTER TABLE institution ADD COLUMN status_reason VARCHAR(1000);

CREATE SEQUENCE venue_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE venue (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    institution_id     BIGINT       NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    name               VARCHAR(200) NOT NULL,
    street             VARCHAR(200) NOT NULL,
    postcode           VARCHAR(6)   NOT NULL,
    city               VARCHAR(100) NOT NULL,
    pc4                VARCHAR(4)   NOT NULL,
    municipality_code  VARCHAR(6),
    version            BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX venue_institution_idx ON venue (institution_id);

CREATE SEQUENCE invitation_seq START WITH 1000 INCREMENT BY 50;
-- A single-use link: only the SHA-256 of the token is stored, so a database dump opens no accounts.
CREATE TABLE invitation (
    id               BIGINT       NOT NULL PRIMARY KEY,
    token_hash       VARCHAR(64)  NOT NULL,
    email            VARCHAR(254) NOT NULL,
    person_name      VARCHAR(200) NOT NULL,
    institution_id   BIGINT       NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    role             VARCHAR(30)  NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    expires_at       TIMESTAMP    NOT NULL,
    used_at          TIMESTAMP,
    revoked_at       TIMESTAMP,
    invited_by       VARCHAR(254) NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT invitation_token_uq UNIQUE (token_hash)
);
CREATE INDEX invitation_email_idx ON invitation (email);
CREATE INDEX invitation_institution_idx ON invitation (institution_id);
