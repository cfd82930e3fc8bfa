-- Custom SQL migration file, put your code below! --
-- Recompute every order total from its items (one statement over the whole table).
UPDATE "orders" o SET "total_cents" = s.total
FROM (SELECT "order_id", sum("quantity" * p."price_cents") AS total
      FROM "order_items" i JOIN "products" p ON p."id" = i."product_id"
      GROUP BY "order_id") s
WHERE s."order_id" = o."id";
