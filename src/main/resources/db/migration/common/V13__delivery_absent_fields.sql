-- issue 12: exports may lack optional columns (order id, customer id, event, ticket count). What a
-- delivery lacked is kept with it, so its page and the reports can say what the absence means.
ALTER TABLE delivery ADD COLUMN absent_fields VARCHAR(200);
-- without a customer column the rows have no pseudonym: figures are then per visit, not per customer
ALTER TABLE delivery_row ALTER COLUMN customer_pseudonym DROP NOT NULL;
