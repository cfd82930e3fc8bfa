-- The advisor's test workload (tests assert line numbers). These five are served by existing indexes: no recommendation.
SELECT id, email, full_name FROM customers WHERE email = 'customer123@example.com';
SELECT * FROM orders WHERE id = 4242;
SELECT name, price_cents FROM products WHERE sku = 'SKU-000777';
SELECT p.id, p.name FROM products p WHERE p.category_id = 17 AND p.active;
UPDATE inventory SET on_hand = on_hand - 1 WHERE product_id = 42;

-- Foreign keys whose index was dropped.
SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = 1234 ORDER BY created_at DESC LIMIT 10;
SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 20;
SELECT o.id, o.total_cents FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = 'customer777@example.com';
SELECT oi.order_id, oi.quantity FROM order_items oi WHERE oi.product_id = 42;
SELECT i.order_id, i.quantity FROM order_items i JOIN products p ON p.id = i.product_id WHERE p.sku = 'SKU-004321';
SELECT r.rating, r.body, r.created_at FROM reviews r WHERE r.product_id = 77 ORDER BY r.created_at DESC LIMIT 5;
SELECT customer_id, orders, total_cents FROM customer_order_totals WHERE customer_id = 99;

-- Range scans and ORDER BY … LIMIT.
SELECT count(*) FROM orders WHERE shipped_at >= '2025-03-01' AND shipped_at < '2025-03-08';
SELECT id, email FROM customers WHERE created_at >= '2025-11-01' AND created_at < '2025-11-03';
SELECT id, full_name FROM customers ORDER BY created_at DESC LIMIT 25;
SELECT id, sku, price_cents FROM products WHERE active ORDER BY price_cents DESC LIMIT 20;

-- A rare status: a partial index.
SELECT id, customer_id, created_at FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 50;
SELECT count(*) FROM orders WHERE status = 'pending' AND created_at < '2024-06-01';

-- An aggregate over a range: an index-only scan with INCLUDE.
SELECT sum(total_cents) FROM orders WHERE created_at >= '2025-01-01' AND created_at < '2025-02-01';

-- Two equality columns.
SELECT id, email FROM customers WHERE country = 'SE' AND zip = '10119';

-- Not a query: skipped with a reason.
SET work_mem = '64MB';
