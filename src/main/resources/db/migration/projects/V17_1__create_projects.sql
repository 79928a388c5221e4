-- Funding rounds (公益创投, 微项目, 政府购买服务), applications with numbered locked versions, the expert
-- pool, blind scoring with conflict declarations, budget-safe confirmation, and the funded project's
-- reports, instalments and acceptance. Big tables carry county_code and are keyed (county_code, id).
create schema projects;

create table projects.rounds (
    county_code       text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    id                uuid not null,
    region_code       text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    kind              text not null check (kind in ('VENTURE', 'MICRO', 'PURCHASE')),
    title             text not null check (char_length(title) between 4 and 80),
    funder            text not null check (char_length(funder) between 2 and 60),
    budget_total      numeric(14, 2) not null check (budget_total > 0),
    -- awards are taken from here in one conditional update; never below zero
    budget_remaining  numeric(14, 2) not null check (budget_remaining >= 0 and budget_remaining <= budget_total),
    opens_at          timestamptz not null,
    closes_at         timestamptz not null check (closes_at > opens_at),
    scoring_deadline  timestamptz not null check (scoring_deadline > closes_at),
    correction_days   int not null check (correction_days between 1 and 30),
    experts_per_application int not null check (experts_per_application between 1 and 9),
    blind             boolean not null,
    min_grade         int not null check (min_grade between 0 and 5),
    eligible_kinds    text[] not null,
    -- [{"name": "需求分析", "max": 20}, …]: the points of each criterion are its weight; they add up to 100
    criteria          jsonb not null,
    -- [{"field": "为老服务", "ceiling": 100000, "workerRate": 60000}, …]: project ceiling per field
    standards         jsonb not null,
    -- instalment shares in percent, e.g. [40, 40, 20]; the last one is paid only after acceptance is passed
    instalments       int[] not null,
    project_months    int not null check (project_months between 1 and 36),
    status            text not null check (status in ('OPEN', 'SCORING', 'DECIDED', 'CLOSED')),
    version           bigint not null,
    created_at        timestamptz not null,
    primary key (county_code, id)
);
create unique index rounds_id on projects.rounds (id);

create table projects.experts (
    user_id           uuid primary key,
    county_code       text collate "C" not null,
    name              text not null,
    fields            text[] not null,
    employer          text not null,
    employer_unit_id  uuid,
    former_unit_id    uuid,
    former_until      date,
    phone_cipher      text,
    bank_cipher       text,
    active            boolean not null,
    exit_reason       text,
    created_at        timestamptz not null
);
create index experts_by_county on projects.experts (county_code, active);

create table projects.applications (
    county_code       text collate "C" not null,
    id                uuid not null,
    round_id          uuid not null references projects.rounds (id),
    owner_unit_id     uuid not null,
    owner_name        text not null,
    region_code       text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    title             text not null,
    field             text not null,
    need              text,
    need_refs         text,
    goals             text,
    target_group      text,
    beneficiaries     int check (beneficiaries between 0 and 1000000),
    budget_lines      jsonb not null default '[]',
    requested         numeric(14, 2) not null default 0 check (requested >= 0),
    indicators        jsonb not null default '[]',
    team              jsonb not null default '[]',
    status            text not null,
    submitted_version int not null default 0,
    correction_until  timestamptz,
    correction_note   text,
    mean_score        numeric(6, 2),
    rank              int,
    outlier_experts   int not null default 0,
    awarded           numeric(14, 2),
    evaluator_id      uuid,
    evaluation        text check (evaluation in ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    audit_record      jsonb,
    satisfaction      int check (satisfaction between 0 and 100),
    in_library        boolean not null default false,
    version           bigint not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (county_code = left(region_code, 6)),
    primary key (county_code, id)
);
create unique index applications_id on projects.applications (id);
-- one application per organization and round
create unique index applications_one_per_round on projects.applications (round_id, owner_unit_id);
create index applications_by_owner on projects.applications (county_code, owner_unit_id, created_at);
create index applications_by_round on projects.applications (round_id, status);

-- 提交即锁定: every submission keeps its numbered snapshot; the blind copy names no applicant
create table projects.application_versions (
    application_id    uuid not null references projects.applications (id),
    number            int not null,
    county_code       text collate "C" not null,
    snapshot          jsonb not null,
    blind_snapshot    jsonb not null,
    names_applicant   boolean not null,
    submitted_at      timestamptz not null,
    primary key (application_id, number)
);

create table projects.assignments (
    application_id    uuid not null references projects.applications (id),
    expert_id         uuid not null references projects.experts (user_id),
    county_code       text collate "C" not null,
    status            text not null check (status in ('ASSIGNED', 'CLEAR', 'CONFLICT', 'SUBMITTED')),
    conflict_reason   text,
    declared_at       timestamptz,
    submitted_at      timestamptz,
    total             numeric(6, 2),
    outlier           boolean not null default false,
    primary key (application_id, expert_id)
);
create index assignments_by_expert on projects.assignments (expert_id, status);

create table projects.scores (
    application_id    uuid not null,
    expert_id         uuid not null,
    criterion         int not null,
    county_code       text collate "C" not null,
    points            numeric(5, 2) not null check (points >= 0),
    primary key (application_id, expert_id, criterion),
    foreign key (application_id, expert_id) references projects.assignments (application_id, expert_id)
);

create table projects.instalments (
    application_id    uuid not null references projects.applications (id),
    number            int not null,
    county_code       text collate "C" not null,
    amount            numeric(14, 2) not null check (amount > 0),
    due_on            date not null,
    final             boolean not null,
    status            text not null check (status in ('PENDING', 'HELD', 'PAID')),
    held_reason       text,
    paid_at           timestamptz,
    primary key (application_id, number)
);

create table projects.reports (
    application_id    uuid not null references projects.applications (id),
    number            int not null,
    county_code       text collate "C" not null,
    kind              text not null check (kind in ('PROGRESS', 'FINAL')),
    due_at            timestamptz not null,
    submitted_at      timestamptz,
    summary           text,
    spent             numeric(14, 2),
    beneficiaries     int,
    primary key (application_id, number)
);

grant usage on schema projects to ${appRole};
grant select, insert, update on projects.rounds, projects.experts, projects.applications, projects.assignments,
    projects.instalments, projects.reports to ${appRole};
grant select, insert on projects.application_versions to ${appRole};
grant select, insert, update, delete on projects.scores to ${appRole};
