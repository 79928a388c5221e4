-- Grids (网格): the project's own subdivision of a community, coded community (12 digits) + 001–999.
-- A retired grid (撤销) stays, so its code is never given to another grid.
create table region.grids (
    code           text collate "C" primary key check (code ~ '^[0-9]{15}$' and right(code, 3) <> '000'),
    community_code text collate "C" not null references region.regions (code),
    county_code    text collate "C" not null,
    name           text        not null check (char_length(name) between 1 and 50),
    boundary       jsonb check (boundary is null or boundary ->> 'type' in ('Polygon', 'MultiPolygon')),
    centre_lat     numeric(9, 6) check (centre_lat between -90 and 90),    -- WGS84
    centre_lng     numeric(10, 6) check (centre_lng between -180 and 180),
    active         boolean     not null,
    retired_at     timestamptz,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check (community_code = left(code, 12)),
    check (county_code = left(code, 6)),
    check ((centre_lat is null) = (centre_lng is null)),
    check (active = (retired_at is null))
);
-- the scope filter's county_code = any(…) plus left(code, n) = any(…) reads this index
create index grids_by_county on region.grids (county_code, code);

-- Grid workers (网格员) assigned by the identity module when it grants the role.
create table region.grid_workers (
    grid_code    text collate "C" not null references region.grids (code),
    user_id      uuid        not null,
    display_name text        not null,
    assigned_at  timestamptz not null,
    primary key (grid_code, user_id)
);
create index grid_workers_by_user on region.grid_workers (user_id);

-- No DELETE on grids: retiring is an update.
grant select, insert, update on region.grids to ${appRole};
grant select, insert, update, delete on region.grid_workers to ${appRole};
