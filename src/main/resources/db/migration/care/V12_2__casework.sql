-- Casework (个案): a case per person with its worker, supervisor and team; what was found and agreed,
-- and the notes, are encrypted (FieldCipher) and read only by the case's people (reads audited).
create table care.cases (
    county_code   text collate "C" not null,
    id            uuid not null,
    person_id     uuid not null,
    region_code   text collate "C" not null,
    worker_id     uuid not null,
    supervisor_id uuid,
    team_ids      uuid[] not null,
    intake        text not null,   -- FieldCipher
    goals         text,            -- FieldCipher
    review_on     date,
    summary       text,            -- FieldCipher
    status        text not null check (status in ('OPEN', 'CLOSED')),
    opened_at     timestamptz not null,
    closed_at     timestamptz,
    version       bigint not null,
    primary key (county_code, id),
    check ((status = 'CLOSED') = (summary is not null and closed_at is not null))
);
create index cases_region on care.cases (county_code, region_code, status);
create index cases_person on care.cases (person_id);

create table care.case_notes (
    county_code text collate "C" not null,
    id          uuid not null,
    case_id     uuid not null,
    kind        text not null check (kind in ('ASSESSMENT', 'PLAN', 'INTERVENTION', 'REVIEW')),
    author_id   uuid not null,
    written_at  timestamptz not null,
    body        text not null,     -- FieldCipher
    primary key (county_code, id)
);
create index case_notes_case on care.case_notes (county_code, case_id, written_at);

grant select, insert, update on care.cases to ${appRole};
-- a note is a record: never changed, never deleted
grant select, insert on care.case_notes to ${appRole};
