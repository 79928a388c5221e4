-- County-set comparison rules (比对规则), the feed facts a file leaves about matched people (by
-- person id: never the identity number), typed 政策找人 rules, and their hits, so a person is not
-- raised again for the same rule within the county's quiet period.
create table monitoring.rules (
    county_code         text collate "C" primary key check (county_code ~ '^[0-9]{6}$'),
    max_stay_days       int not null check (max_stay_days between 1 and 365),
    dibao_line_yuan     numeric(10, 2) not null check (dibao_line_yuan > 0),
    policy_quiet_days   int not null check (policy_quiet_days between 1 and 3660),
    version             bigint not null,
    changed_by          uuid not null,
    changed_at          timestamptz not null
);

create table monitoring.person_facts (
    county_code text collate "C" not null,
    person_id   uuid not null,
    kind        text not null,
    value       text not null,
    observed_at timestamptz not null,
    run_id      uuid not null,
    primary key (county_code, person_id, kind)
);
create index person_facts_kind on monitoring.person_facts (county_code, kind);

create table monitoring.policy_rules (
    county_code   text collate "C" not null,
    id            uuid not null,
    name          text not null,
    holds         text[] not null,
    lacks         text[] not null,
    min_age       int check (min_age between 0 and 130),
    max_age       int check (max_age between 0 and 130),
    min_household int check (min_household between 1 and 50),
    max_household int check (max_household between 1 and 50),
    fact_kind     text,
    fact_min      numeric,
    fact_max      numeric,
    active        boolean not null,
    created_by    uuid not null,
    created_at    timestamptz not null,
    last_run_at   timestamptz,
    last_hits     int,
    primary key (county_code, id),
    check (cardinality(holds) + cardinality(lacks) > 0 or min_age is not null or max_age is not null
           or min_household is not null or max_household is not null or fact_kind is not null)
);

create table monitoring.policy_hits (
    county_code text collate "C" not null,
    rule_id     uuid not null,
    person_id   uuid not null,
    hit_at      timestamptz not null,
    primary key (county_code, rule_id, person_id, hit_at)
);
create index policy_hits_latest on monitoring.policy_hits (county_code, rule_id, person_id, hit_at desc);

grant select, insert, update on monitoring.rules to ${appRole};
grant select, insert, update on monitoring.person_facts to ${appRole};
grant select, insert, update on monitoring.policy_rules to ${appRole};
grant select, insert on monitoring.policy_hits to ${appRole};
