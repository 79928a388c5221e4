-- 报到: a registered organization reports to a community with the services it offers; the community
-- confirms (or declines with a reason) and, once confirmed, sees the organization's projects.
create table organizations.checkins (
    organization_id   uuid not null references organizations.organizations (id),
    community_code    text collate "C" not null check (community_code ~ '^[0-9]{12}$'),
    county_code       text collate "C" not null check (county_code = left(community_code, 6)),
    services          text not null check (char_length(services) between 2 and 500),
    status            text not null check (status in ('REPORTED', 'CONFIRMED', 'DECLINED')),
    reported_at       timestamptz not null,
    decided_at        timestamptz,
    decided_by        text,
    decline_reason    text,
    check ((status = 'REPORTED') = (decided_at is null)),
    check ((status = 'DECLINED') = (decline_reason is not null)),
    primary key (organization_id, community_code)
);
create index checkins_by_community on organizations.checkins (county_code, community_code, status);

-- The residents of each community as the county keeps them (no population figure exists elsewhere):
-- the denominator of "community organizations per 10,000 residents".
create table organizations.community_population (
    community_code    text collate "C" primary key check (community_code ~ '^[0-9]{12}$'),
    county_code       text collate "C" not null check (county_code = left(community_code, 6)),
    residents         int not null check (residents between 1 and 1000000),
    as_of_year        int not null check (as_of_year between 2000 and 2100),
    updated_by        text not null,
    updated_at        timestamptz not null
);
create index community_population_by_county on organizations.community_population (county_code);

grant select, insert, update on organizations.checkins, organizations.community_population to ${appRole};
