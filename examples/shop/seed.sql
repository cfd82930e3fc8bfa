-- Seed data for `dbx trace --seed examples/shop/seed.sql`: enough rows that scans, rewrites and backfills are real.
-- dbx runs it once, after the history (the migrations before the first traced one) and before the traced ones.
-- Written against the 0000_init schema; it also works after any later migration of this project: customers.phone
-- (added NOT NULL by 0002) is filled only when the column exists.
CREATE TEMP TABLE seed_customers AS
SELECT 'c' || g || '@example.com' AS email, 'Customer ' || g AS name, now() - (g % 700) * interval '1 day' AS created_at,
       '+1555' || lpad(g::text, 7, '0') AS phone
FROM generate_series(1, 20000) g;

DO $seed$
BEGIN
  -- PL/pgSQL plans each statement when it first runs, so the branch that names a missing column is never parsed.
  IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'customers'::regclass AND attname = 'phone' AND NOT attisdropped) THEN
    INSERT INTO customers (email, name, created_at, phone) SELECT email, name, created_at, phone FROM seed_customers;
  ELSE
    INSERT INTO customers (email, name, created_at) SELECT email, name, created_at FROM seed_customers;
  END IF;
END
$seed$;

DROP TABLE seed_customers;

INSERT INTO products (sku, name, price_cents, active)
SELECT 'SKU-' || g, 'Product ' || g, 100 + (g * 37) % 9900, g % 10 <> 0 FROM generate_series(1, 2000) g;

INSERT INTO orders (customer_id, status, total_cents, created_at)
SELECT 1 + (g * 7919) % 20000, (array['pending','paid','shipped','delivered','cancelled'])[1 + g % 5]::order_status, 0,
       now() - (g % 365) * interval '1 day'
FROM generate_series(1, 60000) g;

INSERT INTO order_items (order_id, line_no, product_id, quantity)
SELECT o.id, l, 1 + (o.id * 31 + l) % 2000, 1 + l % 3 FROM orders o CROSS JOIN generate_series(1, 2) l;
