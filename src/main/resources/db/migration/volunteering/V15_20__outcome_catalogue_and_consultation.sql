-- 服务成效目录: each county keeps its own list of outcome counts; a retired kind keeps its label for the
-- counts already entered. A county without rows uses the five defaults (written on its first change).
create table volunteering.outcome_kinds (
    county_code text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    code        text collate "C" not null check (code ~ '^[A-Z0-9_]{2,20}$'),
    name        text        not null check (char_length(name) between 1 and 20),
    unit        text        not null check (char_length(unit) between 1 and 6),
    active      boolean     not null default true,
    position    int         not null,
    created_at  timestamptz not null,
    primary key (county_code, code)
);
create unique index outcome_kinds_name on volunteering.outcome_kinds (county_code, name) where active;
grant select, insert, update on volunteering.outcome_kinds to ${appRole};

-- 志愿服务协商: a team member proposes an activity, members comment and support once, whoever runs the
-- team adopts it (as a draft activity form) or declines it with a reason
create table volunteering.proposals (
    county_code     text collate "C" not null,
    id              uuid        not null,
    team_id         uuid        not null,
    region_code     text collate "C" not null,
    proposer_id     uuid        not null,
    title           text        not null check (char_length(title) between 2 and 60),
    body            text        not null check (char_length(body) between 1 and 1000),
    service_line    text        not null,
    status          text        not null check (status in ('PROPOSED', 'ADOPTED', 'DECLINED')),
    decision_reason text check (char_length(decision_reason) <= 200),
    decided_by      uuid,
    decided_at      timestamptz,
    created_at      timestamptz not null,
    primary key (county_code, id),
    check ((status = 'PROPOSED') = (decided_at is null)),
    check (status <> 'DECLINED' or decision_reason is not null)
);
create index proposals_by_team on volunteering.proposals (county_code, team_id, created_at);
grant select, insert, update on volunteering.proposals to ${appRole};

create table volunteering.proposal_comments (
    county_code text collate "C" not null,
    id          uuid        not null,
    proposal_id uuid        not null,
    author_id   uuid        not null,
    author_name text        not null,
    body        text        not null check (char_length(body) between 1 and 500),
    created_at  timestamptz not null,
    primary key (county_code, id)
);
create index proposal_comments_by_proposal on volunteering.proposal_comments (county_code, proposal_id, created_at);
grant select, insert on volunteering.proposal_comments to ${appRole};

-- one support per member and proposal
create table volunteering.proposal_supports (
    county_code  text collate "C" not null,
    proposal_id  uuid        not null,
    volunteer_id uuid        not null,
    supported_at timestamptz not null,
    primary key (county_code, proposal_id, volunteer_id)
);
grant select, insert on volunteering.proposal_supports to ${appRole};
