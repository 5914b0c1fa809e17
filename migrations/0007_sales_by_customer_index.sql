-- tenantdb:no-transaction
-- Looking up a customer's sales. Built CONCURRENTLY so that a live tenant keeps selling while it builds,
-- which cannot happen inside a transaction. Safe to retry: an interrupted build leaves an INVALID index
-- behind, so any leftover is dropped first.
DROP INDEX CONCURRENTLY IF EXISTS sales_customer_idx;
CREATE INDEX CONCURRENTLY sales_customer_idx ON sales (customer_id, completed_at) WHERE customer_id IS NOT NULL;
