-- 公示 of a round's decision: the recommendations stay open to objections (异议) until publicity_until.
-- The bureau answers each objection; an upheld one stops the award (RECOMMENDED -> NOT_RECOMMENDED).
alter table projects.rounds add column publicity_until date;

create table projects.objections (
    county_code       text collate "C" not null,
    id                uuid not null,
    application_id    uuid not null references projects.applications (id),
    filed_by          uuid not null,
    reason            text not null check (char_length(reason) between 4 and 500),
    status            text not null check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    answer            text check (answer is null or char_length(answer) between 2 and 500),
    answered_by       uuid,
    answered_at       timestamptz,
    created_at        timestamptz not null,
    check ((status = 'OPEN') = (answer is null)),
    primary key (county_code, id)
);
create unique index objections_id on projects.objections (id);
create index objections_application on projects.objections (application_id, created_at);
-- one open objection per person and application: a second one waits for the answer
create unique index objections_open_once on projects.objections (application_id, filed_by) where status = 'OPEN';

grant select, insert, update on projects.objections to ${appRole};
