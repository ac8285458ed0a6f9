-- H2 (development and demo without PostgreSQL): material files as VARBINARY (at most 20 MB are
-- accepted by MaterialInspection); no full-text index: KnowledgeBase falls back to LIKE on search_text.
ALTER TABLE session_material ADD COLUMN content VARBINARY(21000000) NOT NULL;
