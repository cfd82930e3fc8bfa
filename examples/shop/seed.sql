-- Seed data for `dbx trace --seed examples/shop/seed.sql`: enough rows that table scans and rewrites are real.
-- Applies after the migration history up to (not including) the migrations under review.
INSERT INTO customers (email, name, created_at)
SELECT 'c' || g || '@example.com', 'Customer ' || g, now() - (g % 700) * interval '1 day' FROM generate_series(1, 20000) g;
INSERT INTO products (sku, name, price_cents, active)
SELECT 'SKU-' || g, 'Product ' || g, 100 + (g * 37) % 9900, g % 10 <> 0 FROM generate_series(1, 2000) g;
INSERT INTO orders (customer_id, status, total_cents, created_at)
SELECT 1 + (g * 7919) % 20000, (array['pending','paid','shipped','delivered','cancelled'])[1 + g % 5]::order_status, 0,
       now() - (g % 365) * interval '1 day'
FROM generate_series(1, 60000) g;
INSERT INTO order_items (order_id, line_no, product_id, quantity)
SELECT o.id, l, 1 + (o.id * 31 + l) % 2000, 1 + l % 3 FROM orders o CROSS JOIN generate_series(1, 2) l;
