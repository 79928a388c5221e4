-- Care (关爱走访): people under care as the registry's events describe them, risk tiers with their
-- history, visits with 五了解 and 四协助 items, pairings (结对), alerts (预警) and county settings.
-- Region-bound tables carry county_code beside region_code and lead their keys with it (design §6).
create schema care;

create table care.settings (
    county_code        text collate "C" primary key check (county_code ~ '^[0-9]{6}$'),
    red_days           int not null check (red_days between 1 and 366),
    yellow_days        int not null check (yellow_days between 1 and 366),
    blue_days          int not null check (blue_days between 1 and 366),
    green_days         int not null check (green_days between 1 and 366),
    alert_working_days int not null check (alert_working_days between 1 and 30),
    crisis_hours       int not null check (crisis_hours between 1 and 168),
    version            bigint not null,
    updated_at         timestamptz not null,
    updated_by         uuid
);

-- The registry's people as care knows them: masked name and age band only (PersonDirectory).
create table care.subjects (
    county_code    text collate "C" not null,
    person_id      uuid not null,
    community_code text collate "C" not null,
    region_code    text collate "C" not null check (region_code ~ '^[0-9]{12}([0-9]{3})?$'),
    household_id   uuid not null,
    masked_name    text not null,
    age_band       text not null,
    categories     text[] not null,
    active         boolean not null,
    tier           text check (tier in ('RED', 'YELLOW', 'BLUE', 'GREEN')),
    tier_since     timestamptz,
    last_visit_at  timestamptz,
    next_due_at    timestamptz,
    version        bigint not null,
    updated_at     timestamptz not null,
    primary key (county_code, person_id),
    check (county_code = left(region_code, 6))
);
create unique index subjects_person on care.subjects (person_id);
create index subjects_due on care.subjects (county_code, next_due_at, region_code) where active and next_due_at is not null;
create index subjects_region on care.subjects (county_code, region_code);

create table care.tier_changes (
    county_code    text collate "C" not null,
    id             uuid not null,
    person_id      uuid not null,
    region_code    text collate "C" not null,
    from_tier      text,
    to_tier        text not null check (to_tier in ('RED', 'YELLOW', 'BLUE', 'GREEN')),
    suggested_tier text not null check (suggested_tier in ('RED', 'YELLOW', 'BLUE', 'GREEN')),
    factors        text[] not null,
    reason         text,
    status         text not null check (status in ('APPLIED', 'PENDING', 'REJECTED')),
    requested_by   uuid not null,
    requested_at   timestamptz not null,
    decided_by     uuid,
    decided_at     timestamptz,
    decision_note  text,
    primary key (county_code, id),
    check (to_tier = suggested_tier or reason is not null)
);
create index tier_changes_person on care.tier_changes (county_code, person_id, requested_at desc);
create unique index tier_changes_one_pending on care.tier_changes (person_id) where status = 'PENDING';

create table care.visits (
    county_code   text collate "C" not null,
    id            uuid not null,
    person_id     uuid not null,
    region_code   text collate "C" not null,
    visited_at    timestamptz not null,
    received_at   timestamptz not null,
    recorded_by   uuid not null,
    visitors      uuid[] not null,
    health        text not null,
    finances      text not null,
    support       text not null,
    home          text not null,
    needs         text not null,
    notes         text,            -- FieldCipher: may describe health
    lat           numeric(9, 6),
    lng           numeric(9, 6),
    nothing_found boolean not null,
    primary key (county_code, id)
);
create index visits_person on care.visits (county_code, person_id, visited_at desc);
create index visits_region_time on care.visits (county_code, visited_at, region_code);

-- 四协助: each item stays open until closed with an outcome.
create table care.assists (
    county_code      text collate "C" not null,
    id               uuid not null,
    visit_id         uuid not null,
    person_id        uuid not null,
    region_code      text collate "C" not null,
    kind             text not null check (kind in ('URGENT', 'HAZARD', 'RESOURCE', 'POLICY')),
    description      text not null check (char_length(description) between 1 and 200),
    resource_kind    text check (resource_kind in ('MONEY', 'GOODS', 'SERVICE')),
    provider_unit_id uuid,
    provider_text    text,
    value_yuan       numeric(12, 2) check (value_yuan >= 0),
    status           text not null check (status in ('OPEN', 'CLOSED')),
    outcome          text,
    closed_at        timestamptz,
    closed_by        uuid,
    created_at       timestamptz not null,
    version          bigint not null,
    primary key (county_code, id),
    check ((kind = 'RESOURCE') = (resource_kind is not null)),
    check ((status = 'CLOSED') = (outcome is not null and closed_at is not null))
);
create index assists_open on care.assists (county_code, region_code, created_at) where status = 'OPEN';
create index assists_person on care.assists (county_code, person_id);

-- 1+N+1: one social worker and N volunteers paired with a household's person, with the family's consent.
create table care.pairings (
    county_code      text collate "C" not null,
    id               uuid not null,
    person_id        uuid not null,
    region_code      text collate "C" not null,
    social_worker_id uuid,
    volunteer_ids    uuid[] not null,
    consent_by       text not null check (char_length(consent_by) between 1 and 50),
    consent_on       date not null,
    consent_how      text not null check (consent_how in ('WRITTEN', 'ORAL', 'PHONE')),
    reason           text,
    active           boolean not null,
    created_by       uuid not null,
    created_at       timestamptz not null,
    ended_at         timestamptz,
    end_reason       text,
    version          bigint not null,
    primary key (county_code, id)
);
create unique index pairings_one_active on care.pairings (person_id) where active;
create index pairings_visitors on care.pairings using gin (volunteer_ids) where active;
create index pairings_worker on care.pairings (social_worker_id) where active;

create table care.alerts (
    county_code  text collate "C" not null,
    id           uuid not null,
    person_id    uuid,
    subject_text text,            -- legwork may name someone not registered (FieldCipher)
    region_code  text collate "C" not null,
    source       text not null check (source in ('LEGWORK', 'DATA', 'POLICY', 'MISSED_VISIT', 'HOUSEHOLD_CHANGE')),
    severity     text not null check (severity in ('HIGH', 'MEDIUM', 'LOW')),
    summary      text not null check (char_length(summary) between 1 and 200),
    level        text not null check (level in ('GRID', 'COMMUNITY', 'TOWN', 'COUNTY')),
    owner_ids    uuid[] not null,
    due_at       timestamptz not null,
    status       text not null check (status in ('OPEN', 'VISITED', 'CLOSED')),
    disposition  text check (disposition in ('RESOLVED', 'ASSISTANCE', 'CASE_OPENED', 'REFERRED', 'FALSE_ALARM',
                     'APPLIED', 'NOT_ELIGIBLE', 'DECLINED')),
    close_reason text,
    referred_unit_id uuid,
    closed_at    timestamptz,
    closed_by    uuid,
    dedup_key    text,
    created_at   timestamptz not null,
    version      bigint not null,
    primary key (county_code, id),
    check (person_id is not null or subject_text is not null),
    check ((status = 'CLOSED') = (disposition is not null and close_reason is not null and closed_at is not null))
);
create unique index alerts_dedup on care.alerts (dedup_key) where dedup_key is not null;
create index alerts_open on care.alerts (county_code, region_code, due_at) where status <> 'CLOSED';
create index alerts_person on care.alerts (county_code, person_id) where person_id is not null;

grant usage on schema care to ${appRole};
grant select, insert, update on care.settings, care.subjects, care.tier_changes, care.assists, care.pairings,
    care.alerts to ${appRole};
-- a visit is a record of what was seen: never changed, never deleted
grant select, insert on care.visits to ${appRole};
