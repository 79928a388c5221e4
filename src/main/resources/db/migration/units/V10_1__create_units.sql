-- Organizational units (单位): departments, street offices, social-work stations and rooms, community
-- committees, social organizations, charities and companies, each at a node of the region tree.
create schema units;

create table units.units (
    id           uuid primary key,
    kind         text        not null check (kind in ('COUNTY_DEPARTMENT', 'TOWN_GOVERNMENT', 'COUNTY_STATION',
                     'TOWN_STATION', 'COMMUNITY_ROOM', 'COMMUNITY_COMMITTEE', 'SOCIAL_ORGANIZATION',
                     'CHARITY_ORGANIZATION', 'COMPANY')),
    name         text        not null check (char_length(name) between 2 and 60),
    region_code  text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    county_code  text collate "C" not null,
    parent_id    uuid references units.units (id),
    credit_code  text check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    active       boolean     not null,
    retired_at   timestamptz,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    check (county_code = left(region_code, 6)),
    check (active = (retired_at is null)),
    check (parent_id <> id)
);
-- the scope filter's county_code = any(…) plus left(region_code, n) = any(…) reads this index
create index units_by_region on units.units (county_code, region_code, kind, name);
create index units_by_parent on units.units (parent_id) where parent_id is not null;
-- a credit code names one organization nationwide
create unique index units_credit_code on units.units (credit_code) where credit_code is not null;
-- two active units of one name in one region would be indistinguishable in every list
create unique index units_active_name on units.units (region_code, name) where active;

grant usage on schema units to ${appRole};
-- no DELETE: retiring is an update, the audit log and memberships refer to units
grant select, insert, update on units.units to ${appRole};
