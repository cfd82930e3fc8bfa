-- The queries the shop application runs most, for `dbx explain` and `dbx advise --workload`.
-- Parameters are written as $1, $2 … as the application sends them; dbx costs them with generic plans.

-- Order history page of a customer, newest first.
SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20;

-- Order detail with its lines.
SELECT i.line_no, p.name, i.quantity, p.price_cents
FROM order_items i JOIN products p ON p.id = i.product_id
WHERE i.order_id = $1 ORDER BY i.line_no;

-- Back-office queue: orders waiting for payment, oldest first.
SELECT id, customer_id, created_at FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 50;

-- Reviews of a product page.
SELECT r.rating, r.body, c.name, r.created_at
FROM reviews r JOIN customers c ON c.id = r.customer_id
WHERE r.product_id = $1 ORDER BY r.created_at DESC LIMIT 10;

-- Orders that used a coupon (marketing report).
SELECT o.id, o.total_cents, k.code FROM orders o JOIN coupons k ON k.id = o.coupon_id WHERE k.code = $1;

-- Daily revenue for the last 30 days.
SELECT date_trunc('day', created_at) AS day, sum(total_cents) AS revenue
FROM orders WHERE created_at >= now() - interval '30 days' AND status IN ('paid', 'shipped', 'delivered')
GROUP BY 1 ORDER BY 1;

-- Login.
SELECT id, name FROM customers WHERE email = $1;

-- Best sellers.
SELECT p.id, p.name, sum(i.quantity) AS sold
FROM order_items i JOIN products p ON p.id = i.product_id
GROUP BY p.id, p.name ORDER BY sold DESC LIMIT 10;
