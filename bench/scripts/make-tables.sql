-- Creates :n tables shaped like an application's: an identity key, a foreign key to the previous table, a mix of
-- column types (text, numeric, enum, jsonb, text[] with a default, timestamps), a CHECK, a unique key, and two
-- secondary indexes (one DESC and partial), plus one view per 50 tables. Each statement commits on its own
-- (\gexec), so thousands of tables do not exhaust the lock table.
-- Usage: psql -v ON_ERROR_STOP=1 -v n=500 -d <db> -f bench/scripts/make-tables.sql
set client_min_messages = warning;
create type bench_status as enum ('new', 'active', 'archived');

select format($t$
           create table bench_t%1$s (
               id bigint generated always as identity primary key,
               parent_id bigint %2$s,
               code text not null unique,
               name text not null,
               status bench_status not null default 'new',
               amount numeric(12, 2) not null default 0 check (amount >= 0),
               attributes jsonb,
               tags text[] not null default '{}',
               created_at timestamptz not null default now(),
               updated_at timestamptz
           )$t$, i, case when i > 1 then format('references bench_t%s (id) on delete cascade', i - 1) else '' end),
       format('create index bench_t%1$s_parent_id_idx on bench_t%1$s (parent_id)', i),
       format('create index bench_t%1$s_status_created_idx on bench_t%1$s (status, created_at desc) where status <> %2$L', i, 'archived'),
       case when i % 50 = 0 then format('create view bench_v%1$s as select id, code, name from bench_t%1$s where status = %2$L', i, 'active') end
from generate_series(1, :n) i
\gexec
analyze;
