-- Street bundles (街道打包、社区落地), external funds, the project library's 点单 and re-check, 一站一品
-- brands and yearly awards. Every table carries county_code so scope predicates never join.

-- A bundled purchase lands in several communities; each site has its own targets, report and acceptance.
create table projects.bundle_sites (
    application_id    uuid not null references projects.applications (id),
    community_code    text collate "C" not null check (community_code ~ '^[0-9]{12}$'),
    county_code       text collate "C" not null check (county_code = left(community_code, 6)),
    targets           text not null check (char_length(targets) between 2 and 500),
    beneficiaries     int not null check (beneficiaries between 1 and 1000000),
    report_summary    text,
    reported_at       timestamptz,
    served            int check (served between 0 and 1000000),
    result            text check (result in ('PASS', 'FAIL')),
    accepted_at       timestamptz,
    primary key (application_id, community_code)
);

-- Province or foundation money beside the county rounds, with the funder's report schedule.
create table projects.external_funds (
    county_code       text collate "C" not null,
    id                uuid not null,
    region_code       text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    owner_unit_id     uuid not null,
    owner_name        text not null,
    funder_kind       text not null check (funder_kind in ('PROVINCE', 'FOUNDATION', 'OTHER')),
    funder            text not null check (char_length(funder) between 2 and 60),
    title             text not null check (char_length(title) between 4 and 80),
    field             text not null,
    amount            numeric(14, 2) not null check (amount > 0),
    starts_on         date not null,
    ends_on           date not null check (ends_on > starts_on),
    report_months     int not null check (report_months between 1 and 12),
    created_at        timestamptz not null,
    check (county_code = left(region_code, 6)),
    primary key (county_code, id)
);
create unique index external_funds_id on projects.external_funds (id);

create table projects.external_fund_reports (
    fund_id           uuid not null references projects.external_funds (id),
    number            int not null,
    county_code       text collate "C" not null,
    due_on            date not null,
    submitted_at      timestamptz,
    summary           text,
    primary key (fund_id, number)
);

-- The library: entry, yearly re-check and exit are columns of the accepted project.
alter table projects.applications add column library_since date;
alter table projects.applications add column library_checked_on date;
alter table projects.applications add column library_exit_reason text;
-- Text search over title, organization, target group: trigram for the library's 100,000 rows.
create index applications_library on projects.applications (county_code, field) where in_library;
create index applications_library_text on projects.applications
    using gin ((title || ' ' || owner_name || ' ' || coalesce(target_group, '')) gin_trgm_ops) where in_library;

-- 点单: a community orders a library entry; the order becomes a prefilled draft of the entry's organization.
create table projects.library_orders (
    county_code       text collate "C" not null,
    id                uuid not null,
    entry_id          uuid not null references projects.applications (id),
    community_code    text collate "C" not null check (community_code ~ '^[0-9]{12}$'),
    round_id          uuid not null references projects.rounds (id),
    application_id    uuid not null references projects.applications (id),
    note              text,
    ordered_by        uuid not null,
    created_at        timestamptz not null,
    check (county_code = left(community_code, 6)),
    primary key (county_code, id)
);

-- 一站一品: one brand per station (the station's region code).
create table projects.brands (
    county_code       text collate "C" not null,
    id                uuid not null,
    station_code      text collate "C" not null check (station_code ~ '^[0-9]{6}([0-9]{3}){1,2}$'),
    name              text not null check (char_length(name) between 2 and 40),
    field             text not null,
    project_ids       uuid[] not null default '{}',
    created_at        timestamptz not null,
    check (county_code = left(station_code, 6)),
    primary key (county_code, id)
);
create unique index brands_one_per_station on projects.brands (station_code);

-- Yearly selections (优秀社会组织、优秀案例、优秀项目): nominations, committee totals, 公示, certificates.
create table projects.award_selections (
    county_code       text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    id                uuid not null,
    year              int not null check (year between 2000 and 2100),
    category          text not null check (category in ('ORGANIZATION', 'CASE', 'PROJECT')),
    winners           int not null check (winners between 1 and 50),
    status            text not null check (status in ('NOMINATING', 'PUBLICITY', 'CLOSED')),
    publicity_until   date,
    created_at        timestamptz not null,
    primary key (county_code, id)
);
create unique index award_selections_id on projects.award_selections (id);
create unique index award_selections_one_a_year on projects.award_selections (county_code, year, category);

create table projects.award_nominations (
    selection_id      uuid not null references projects.award_selections (id),
    id                uuid not null primary key,
    county_code       text collate "C" not null,
    nominee           text not null check (char_length(nominee) between 2 and 80),
    owner_name        text not null,
    summary           text not null check (char_length(summary) between 4 and 500),
    mean_score        numeric(6, 2),
    rank              int,
    outliers          int not null default 0,
    winner            boolean not null default false,
    objection         text,
    certificate_serial text,
    created_at        timestamptz not null
);
create unique index award_nominations_once on projects.award_nominations (selection_id, nominee);

-- Committee totals: one per member and nomination, corrected never deleted.
create table projects.award_scores (
    nomination_id     uuid not null references projects.award_nominations (id),
    member            text not null check (char_length(member) between 1 and 40),
    county_code       text collate "C" not null,
    total             numeric(5, 2) not null check (total between 0 and 100),
    primary key (nomination_id, member)
);

grant select, insert, update on projects.bundle_sites, projects.external_funds, projects.external_fund_reports,
    projects.library_orders, projects.brands, projects.award_selections, projects.award_nominations,
    projects.award_scores to ${appRole};
