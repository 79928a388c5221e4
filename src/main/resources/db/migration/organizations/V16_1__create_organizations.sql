-- The register of social organizations (社会组织): registered ones with a USCC (社会团体, 社会服务机构,
-- 基金会) and community organizations filed with their town (社区社会组织备案). Each is a unit of the
-- units module under the same id; the leader's identity number and phone are stored encrypted.
create schema organizations;

create table organizations.community_types (
    code       text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    label      text not null check (char_length(label) between 2 and 20),
    position   int  not null,
    active     boolean not null default true
);
insert into organizations.community_types (code, label, position) values
    ('VILLAGE_COUNCIL', '村（居）民议事会', 1),
    ('CEREMONY_COUNCIL', '红白理事会', 2),
    ('ELDERLY_ASSOCIATION', '老年协会', 3),
    ('CULTURE_SPORTS_TEAM', '文体队', 4),
    ('VOLUNTEER_TEAM', '志愿服务队', 5),
    ('MUTUAL_AID', '邻里互助会', 6),
    ('OTHER', '其他', 99);

create table organizations.organizations (
    id                uuid primary key,
    county_code       text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    region_code       text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    kind              text not null check (kind in ('SOCIAL_GROUP', 'SOCIAL_SERVICE', 'FOUNDATION', 'COMMUNITY')),
    name              text not null check (char_length(name) between 2 and 60),
    credit_code       text check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    filing_number     text,
    community_type    text references organizations.community_types (code),
    members           int check (members between 1 and 100000),
    charter           text check (char_length(charter) <= 4000),
    fields            text[] not null default '{}',
    leader_name       text not null check (char_length(leader_name) between 2 and 30),
    leader_id_cipher  text,
    leader_id_index   text,
    leader_phone_cipher text,
    party_status      text not null check (party_status in ('NONE', 'SINGLE', 'JOINT')),
    grade             int check (grade between 1 and 5),
    grade_valid_until date,
    status            text not null check (status in ('ACTIVE', 'DEREGISTERED')),
    deregistered_at   timestamptz,
    deregistered_reason text,
    abnormal          boolean not null default false,
    version           bigint not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (county_code = left(region_code, 6)),
    check ((kind = 'COMMUNITY') = (credit_code is null)),
    check ((kind = 'COMMUNITY') = (filing_number is not null)),
    check ((status = 'DEREGISTERED') = (deregistered_at is not null)),
    check (grade is null = (grade_valid_until is null))
);
create unique index organizations_credit_code on organizations.organizations (credit_code) where credit_code is not null;
create unique index organizations_filing_number on organizations.organizations (filing_number) where filing_number is not null;
create index organizations_by_region on organizations.organizations (county_code, region_code, kind, name);

-- every change of a registered fact, as the register's history (变更登记)
create table organizations.changes (
    id              bigint generated always as identity primary key,
    organization_id uuid not null references organizations.organizations (id),
    county_code     text collate "C" not null,
    changed_at      timestamptz not null,
    actor_name      text not null,
    field           text not null,
    before_value    text,
    after_value     text
);
create index changes_by_organization on organizations.changes (organization_id, changed_at);

-- 年报 results per year; a missing or failed report puts the organization on the abnormal list
create table organizations.annual_reports (
    organization_id uuid not null references organizations.organizations (id),
    year            int  not null check (year between 2000 and 2100),
    county_code     text collate "C" not null,
    result          text not null check (result in ('QUALIFIED', 'BASIC', 'UNQUALIFIED')),
    recorded_at     timestamptz not null,
    primary key (organization_id, year)
);

-- 活动异常名录: listed with a reason, removed with a reason, kept as history
create table organizations.abnormal_entries (
    id              bigint generated always as identity primary key,
    organization_id uuid not null references organizations.organizations (id),
    county_code     text collate "C" not null,
    listed_at       timestamptz not null,
    reason          text not null,
    removed_at      timestamptz,
    removal_reason  text
);
create index abnormal_by_organization on organizations.abnormal_entries (organization_id, listed_at);

grant usage on schema organizations to ${appRole};
grant select on organizations.community_types to ${appRole};
grant select, insert, update on organizations.organizations, organizations.annual_reports,
    organizations.abnormal_entries to ${appRole};
grant select, insert on organizations.changes to ${appRole};
