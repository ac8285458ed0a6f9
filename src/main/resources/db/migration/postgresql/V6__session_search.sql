-- PostgreSQL: material files as BYTEA, and full-text search over the knowledge base in Dutch
-- (stemming: "festivals" finds "festival"). KnowledgeBase uses the same expression, so the index is used.
ALTER TABLE session_material ADD COLUMN content BYTEA NOT NULL;
CREATE INDEX kb_article_fts_idx ON kb_article USING GIN (to_tsvector('dutch', search_text));
