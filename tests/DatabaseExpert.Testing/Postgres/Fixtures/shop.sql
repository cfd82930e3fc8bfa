-- The "shop" fixture: a small e-commerce schema with realistic, deterministic data (~420k rows).
-- It is the clean baseline: every foreign key is indexed, every table has a primary key, statistics are fresh.
-- Tests that need problems plant them on a copy (see ShopDatabase), so the baseline must raise no alarm.
create type order_status as enum ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded');

create table categories (
    id integer generated always as identity primary key,
    parent_id integer references categories (id),
    name text not null,
    slug text not null unique
);
create index categories_parent_id_idx on categories (parent_id);
comment on table categories is 'Product categories, two levels deep';

create table customers (
    id bigint generated always as identity primary key,
    email text not null unique,
    full_name text not null,
    country char(2) not null,
    city text not null,
    zip text not null,
    marketing_opt_in boolean not null default false,
    created_at timestamptz not null default now()
);
comment on column customers.email is 'Login and contact address, unique';

create table products (
    id bigint generated always as identity primary key,
    category_id integer not null references categories (id),
    sku text not null unique,
    name text not null,
    price_cents integer not null check (price_cents >= 0),
    active boolean not null default true,
    attributes jsonb not null default '{}',
    tags text[] not null default '{}',
    created_at timestamptz not null default now()
);
create index products_category_id_idx on products (category_id);
create index products_attributes_idx on products using gin (attributes jsonb_path_ops);
create index products_active_name_idx on products (name) where active;

create table orders (
    id bigint generated always as identity primary key,
    customer_id bigint not null references customers (id),
    status order_status not null default 'pending',
    total_cents bigint not null default 0,
    created_at timestamptz not null default now(),
    shipped_at timestamptz,
    notes text
);
create index orders_customer_id_created_at_idx on orders (customer_id, created_at desc);
create index orders_created_at_idx on orders (created_at);

create table order_items (
    order_id bigint not null references orders (id) on delete cascade,
    line_no integer not null,
    product_id bigint not null references products (id),
    quantity integer not null check (quantity > 0),
    unit_price_cents integer not null,
    primary key (order_id, line_no)
);
create index order_items_product_id_idx on order_items (product_id);

create table reviews (
    id bigint generated always as identity primary key,
    product_id bigint not null references products (id),
    customer_id bigint not null references customers (id),
    rating smallint not null check (rating between 1 and 5),
    body text,
    created_at timestamptz not null default now()
);
create index reviews_product_id_idx on reviews (product_id);
create index reviews_customer_id_idx on reviews (customer_id);

create table inventory (
    product_id bigint primary key references products (id),
    warehouse text not null,
    on_hand integer not null,
    updated_at timestamptz not null default now()
);

create function set_updated_at() returns trigger language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end
$$;
create trigger inventory_set_updated_at before update on inventory for each row execute function set_updated_at();

create view customer_order_totals as
    select c.id as customer_id, c.email, count(o.id) as orders, coalesce(sum(o.total_cents), 0) as total_cents
    from customers c left join orders o on o.customer_id = c.id
    group by c.id, c.email;

create sequence invoice_number_seq as integer start 1000;

-- Data --------------------------------------------------------------------------------------------------------
insert into categories (name, slug)
select 'Department ' || g, 'dept-' || g from generate_series(1, 8) g;
insert into categories (parent_id, name, slug)
select 1 + (g % 8), 'Category ' || g, 'cat-' || g from generate_series(1, 42) g;

insert into customers (email, full_name, country, city, zip, marketing_opt_in, created_at)
select 'customer' || g || '@example.com',
       'Customer ' || g,
       (array['US','US','US','DE','FR','GB','NL','SE','ES','IT'])[1 + (g % 10)],
       'City ' || (g % 400),
       lpad(((g % 400) * 7 + 10000)::text, 5, '0'),
       g % 3 = 0,
       timestamptz '2024-01-01' + (g % 700) * interval '1 day' + (g % 86400) * interval '1 second'
from generate_series(1, 40000) g;

insert into products (category_id, sku, name, price_cents, active, attributes, tags, created_at)
select 9 + (g % 42),
       'SKU-' || lpad(g::text, 6, '0'),
       'Product ' || g,
       199 + (g * 37) % 20000,
       g % 20 <> 0,
       jsonb_build_object('color', (array['red','green','blue','black','white'])[1 + g % 5], 'weight_g', 100 + g % 900),
       case when g % 4 = 0 then array['sale'] when g % 7 = 0 then array['new', 'featured'] else '{}' end,
       timestamptz '2023-06-01' + (g % 500) * interval '1 day'
from generate_series(1, 5000) g;

-- Totals are computed with the same formula as the order lines below, so no UPDATE leaves dead rows behind.
insert into orders (customer_id, status, total_cents, created_at, shipped_at, notes)
select 1 + ((g::bigint * 7919) % 40000),
       (array['pending','paid','shipped','delivered','delivered','delivered','delivered','cancelled','delivered','refunded'])[1 + (g % 10)]::order_status,
       (select sum((1 + (g + l) % 3) * (199 + ((g::bigint * 31 + l * 997) % 5000 * 37) % 20000))
        from generate_series(1, 1 + (g % 4)) l),
       timestamptz '2024-01-01' + (g % 690) * interval '1 day' + (g * 13 % 86400) * interval '1 second',
       case when g % 10 between 2 and 6 then timestamptz '2024-01-03' + (g % 690) * interval '1 day' end,
       case when g % 50 = 0 then 'gift wrap please' end
from generate_series(1, 120000) g;

insert into order_items (order_id, line_no, product_id, quantity, unit_price_cents)
select o.id, l, 1 + ((o.id * 31 + l * 997) % 5000), 1 + (o.id + l) % 3, 199 + ((o.id * 31 + l * 997) % 5000 * 37) % 20000
from orders o cross join lateral generate_series(1, 1 + (o.id % 4)::int) l;

insert into reviews (product_id, customer_id, rating, body, created_at)
select 1 + ((g::bigint * 104729) % 5000), 1 + ((g::bigint * 7907) % 40000), 1 + (g % 5),
       case when g % 3 = 0 then 'Review text ' || g end,
       timestamptz '2024-02-01' + (g % 600) * interval '1 day'
from generate_series(1, 30000) g;

insert into inventory (product_id, warehouse, on_hand)
select id, (array['AMS','BER','NYC'])[1 + id % 3], (id * 13) % 500 from products;

-- ShopDatabase runs VACUUM (FREEZE, ANALYZE) after this script (it cannot run inside the script's implicit transaction).
