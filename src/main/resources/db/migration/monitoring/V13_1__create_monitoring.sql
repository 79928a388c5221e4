-- Data comparison (数据比对): each department file run once per county (its SHA-256), with its summary
-- and the rows it rejected. The file itself is not kept: identity numbers go no further than the match.
create schema monitoring;

create table monitoring.feed_runs (
    county_code   text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    id            uuid not null,
    kind          text not null check (kind in ('HOSPITAL_STAY', 'INCOME', 'DEATH', 'HOUSEHOLD_CHANGE', 'DISABILITY_GRADE')),
    sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    file_name     text not null,
    rows_total    int not null,
    matched       int not null,
    not_registered int not null,
    alerts        int not null,
    rejected      int not null,
    run_by        uuid not null,
    run_at        timestamptz not null,
    primary key (county_code, id)
);
-- a file runs once per county
create unique index feed_runs_once on monitoring.feed_runs (county_code, sha256);
create index feed_runs_newest on monitoring.feed_runs (county_code, run_at desc);

create table monitoring.feed_rejects (
    county_code text collate "C" not null,
    run_id      uuid not null,
    line        int not null,
    reason      text not null,
    primary key (county_code, run_id, line)
);

grant usage on schema monitoring to ${appRole};
grant select, insert on monitoring.feed_runs, monitoring.feed_rejects to ${appRole};
