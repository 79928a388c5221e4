-- Incubation (进驻—孵化—评估—出壳): one record per organization and intake, its services as a log
create table organizations.incubations (
    id               uuid primary key,
    organization_id  uuid not null references organizations.organizations (id),
    county_code      text collate "C" not null,
    region_code      text collate "C" not null,
    stage            text not null check (stage in ('APPLIED', 'INCUBATING', 'EVALUATED', 'GRADUATED', 'EXITED')),
    applied_at       timestamptz not null,
    term_until       date,
    place            text,
    services         jsonb not null default '[]',
    checklist        jsonb,
    passed           boolean,
    certificate      text,
    exit_reason      text,
    version          bigint not null,
    check (county_code = left(region_code, 6))
);
-- one running intake per organization
create unique index incubations_running on organizations.incubations (organization_id)
    where stage in ('APPLIED', 'INCUBATING', 'EVALUATED');
create index incubations_by_region on organizations.incubations (county_code, region_code);
grant select, insert, update on organizations.incubations to ${appRole};
