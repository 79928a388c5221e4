-- The official region tree (统计用区划代码, province → community/village), loaded by the importer
-- from the bundled files; never edited by hand. Codes are compared in the "C" collation (byte order)
-- so that a code prefix search (code >= '6105' and code < '6105:') reads the primary key index.
create schema region;

create table region.regions (
    code        text collate "C" primary key,
    level       smallint    not null check (level in (2, 4, 6, 9, 12)),
    parent_code text collate "C",
    name        text        not null check (char_length(name) between 1 and 100),
    full_name   text        not null,   -- names from the province down, joined by '/'
    county_code text collate "C",       -- null for a province or city
    check (char_length(code) = level),
    check ((level = 2) = (parent_code is null)),
    check ((level < 6) = (county_code is null))
);
-- No foreign key from parent_code: the importer validates parents in its staging tables, and a
-- per-row foreign-key check would double the time of a full load.
create index regions_by_parent on region.regions (parent_code);
-- scope filters start with county_code = any(…): e.g. the communities a user may pick
create index regions_by_county on region.regions (county_code, level) where county_code is not null;
create index regions_name_trgm on region.regions using gin (name gin_trgm_ops);

-- One row per import run: a warm start compares the files' checksums with the last success and skips.
create table region.imports (
    id            bigint generated always as identity primary key,
    files_hash    text        not null,
    files         text        not null,   -- file names and sizes, for people reading this table
    status        text        not null check (status in ('SUCCEEDED', 'FAILED')),
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    provinces     integer,
    cities        integer,
    counties      integer,
    towns         integer,
    communities   integer,
    rows_inserted integer,
    rows_updated  integer,
    error         text
);
create index imports_by_time on region.imports (finished_at desc);

grant usage on schema region to ${appRole};
-- The importer inserts and renames; it never deletes (a code dropped from a new edition stays, so
-- grids and records that refer to it keep their meaning). Its staging tables are temporary tables.
grant select, insert, update on region.regions to ${appRole};
grant select, insert on region.imports to ${appRole};
