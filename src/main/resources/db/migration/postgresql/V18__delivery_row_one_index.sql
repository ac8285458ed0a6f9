-- delivery_row is filled by one COPY per delivery (DeliveryRowStore), and every index on it is kept up to date
-- row by row during that COPY. Every query on the table names the delivery (delivery_id = ?, or institution_id = ?
-- AND delivery_id IN (...)), so the index on delivery_id serves them all; the one on institution_id only cost time
-- at every load (about a second of ~11 per million rows, docs/performance.md "Speed work, 2026-12-03"). Deleting all
-- of an institution's rows (withdrawal, retention: DeliveryRowStore.deleteInstitution) scans the table instead, a
-- rare job that may take seconds. H2 (demo data, a few thousand rows) keeps both indexes.
DROP INDEX IF EXISTS delivery_row_institution_ix;
