-- Four-eyes export (issue 10 item 10, security.md check 23): an unmasked export above the county's
-- size needs a second person's approval; the approved file is downloaded once, before it expires.
create table registry.export_policies (
    county_code        text primary key check (county_code ~ '^[0-9]{6}$'),
    approval_threshold int         not null check (approval_threshold >= 0),
    updated_at         timestamptz not null,
    updated_by         uuid
);
grant select, insert, update on registry.export_policies to ${appRole};

create table registry.export_requests (
    id                  uuid primary key,
    county_code         text        not null check (county_code ~ '^[0-9]{6}$'),
    region_code         text        not null check (region_code ~ '^[0-9]{6,15}$'),
    requested_by        uuid        not null,
    requested_by_name   text        not null,
    reason              text        not null,
    row_count           bigint      not null,
    filter_region       text,
    filter_category     text,
    filter_age_min      int,
    filter_age_max      int,
    filter_sex          text,
    filter_disability   boolean,
    filter_disability_type text,
    filter_name_enc     text,        -- a name is personal data: FieldCipher, like the registry's
    status              text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'DOWNLOADED')),
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    decided_by          uuid,
    decided_by_name     text,
    decided_at          timestamptz,
    decision_note       text,
    downloaded_at       timestamptz,
    check (decided_by is null or decided_by <> requested_by)
);
create index export_requests_pending on registry.export_requests (county_code, region_code) where status = 'PENDING';
create index export_requests_requester on registry.export_requests (requested_by, created_at desc);
-- no delete: the request is the record of who approved which disclosure
grant select, insert on registry.export_requests to ${appRole};
grant update (status, expires_at, decided_by, decided_by_name, decided_at, decision_note, downloaded_at, filter_name_enc)
    on registry.export_requests to ${appRole};

alter table registry.export_requests enable row level security;
create policy scope_wall on registry.export_requests to ${appRole}
    using (registry.in_scope(county_code)) with check (registry.in_scope(county_code));
