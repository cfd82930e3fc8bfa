-- Realistic needs planted on a copy of the shop fixture for the index advisor (tests and bench/scripts/advise.sh).
-- Three foreign-key indexes dropped, 'pending' orders made rare, a reseller with 500 orders spread over time.
drop index orders_customer_id_created_at_idx;
drop index order_items_product_id_idx;
drop index reviews_product_id_idx;
update orders set status = 'delivered' where status = 'pending' and id % 40 <> 0;
insert into orders (customer_id, status, total_cents, created_at, shipped_at)
select 7, 'delivered', 1000 + g, timestamptz '2024-01-01' + g * interval '33 hours', timestamptz '2024-01-02' + g * interval '33 hours'
from generate_series(1, 500) g;
vacuum orders;
-- A sample as large as the table: the planted table's statistics, and so the advice, are the same on every run.
set default_statistics_target = 1000;
analyze orders;
