-- delivery_row is filled by one COPY per delivery (DeliveryRowStore). Its foreign key to delivery cost a
-- trigger call per row: 2.5 of 8.9 seconds for a million rows (docs/performance.md, ADR 7). Rows are only
-- written by DeliveryRowStore for a delivery it has just read from the table, and deliveries are never
-- deleted, so the key guarded nothing the code does not. H2 (demo data, a few thousand rows) keeps it.
ALTER TABLE delivery_row DROP CONSTRAINT delivery_row_delivery_id_fkey;
