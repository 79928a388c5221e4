-- The registry of people in need (摸底建册), design §2/§4. Sensitive columns (*_enc) hold SM4-GCM
-- ciphertext "v<key version>:<base64>"; *_bidx hold keyed HMAC-SM3 blind indexes for exact search.
-- region_code is the scope column: the grid code (15 digits) when the person has a grid, else the
-- community code (12 digits).
create schema registry;

-- Categories (困难类别); the first eleven are national, a county may add its own.
create table registry.category_types (
    code                text primary key,
    name                text not null unique,
    needs_disability    boolean not null default false,
    sort_order          int not null,
    active              boolean not null default true
);
insert into registry.category_types (code, name, needs_disability, sort_order) values
    ('DIBAO', '低保', false, 10),
    ('TEKUN', '特困', false, 20),
    ('DIBAO_EDGE', '低保边缘', false, 30),
    ('ELDERLY_ALONE', '独居老人', false, 40),
    ('EMPTY_NEST', '空巢老人', false, 50),
    ('LEFT_BEHIND_CHILD', '留守儿童', false, 60),
    ('VULNERABLE_CHILD', '困境儿童', false, 70),
    ('DISABLED', '残疾人', true, 80),
    ('SEVERE_MENTAL', '重度精神障碍', false, 90),
    ('RELOCATED', '易地搬迁', false, 100),
    ('VETERAN', '退役军人', false, 110);

create table registry.households (
    id                  uuid primary key,
    county_code         text not null,
    region_code         text not null,
    community_code      text not null,
    grid_code           text,
    head_person_id      uuid,
    address_detail_enc  text,
    version             int not null default 0,
    created_at          timestamptz not null,
    created_by          uuid,
    updated_at          timestamptz not null,
    updated_by          uuid,
    check (county_code ~ '^\d{6}$' and left(region_code, 6) = county_code)
);
create index households_scope_9 on registry.households (county_code, left(region_code, 9));
create index households_scope_12 on registry.households (county_code, left(region_code, 12));

create table registry.people (
    id                  uuid primary key,
    county_code         text not null,
    region_code         text not null,
    community_code      text not null,
    grid_code           text,
    name                text not null,
    id_doc_type         text not null,
    id_number_enc       text not null,
    id_number_bidx      text not null,
    birth_date          date not null,
    sex                 text not null check (sex in ('MALE', 'FEMALE')),
    phone_enc           text,
    phone_bidx          text,
    address_detail_enc  text,
    health_enc          text,
    income_band_enc     text,
    household_id        uuid not null references registry.households (id),
    relation_to_head    text not null,
    version             int not null default 0,
    created_at          timestamptz not null,
    created_by          uuid,
    updated_at          timestamptz not null,
    updated_by          uuid,
    check (county_code ~ '^\d{6}$' and left(region_code, 6) = county_code),
    check (length(region_code) in (12, 15)),
    unique (county_code, id_number_bidx)
);
-- The scope filter compares left(region_code, n) per scope level; each level gets its index, with
-- name and id so a scoped list page walks the index in display order.
create index people_scope_9 on registry.people (county_code, left(region_code, 9), name, id);
create index people_scope_12 on registry.people (county_code, left(region_code, 12), name, id);
create index people_scope_15 on registry.people (county_code, left(region_code, 15), name, id);
create index people_by_phone on registry.people (county_code, phone_bidx) where phone_bidx is not null;
create index people_by_name_trgm on registry.people using gin (name gin_trgm_ops);
create index people_by_name_birth on registry.people (county_code, name, birth_date);
create index people_by_household on registry.people (household_id);

alter table registry.households add foreign key (head_person_id) references registry.people (id)
    deferrable initially deferred;

create table registry.person_categories (
    id                  uuid primary key,
    person_id           uuid not null references registry.people (id) on delete cascade,
    county_code         text not null,
    category_code       text not null references registry.category_types (code),
    start_date          date not null,
    end_date            date,
    source              text not null,
    disability_type     text,
    disability_grade    int check (disability_grade between 1 and 4),
    check (end_date is null or end_date >= start_date)
);
create index person_categories_by_person on registry.person_categories (person_id);
create index person_categories_by_code on registry.person_categories (category_code, person_id);

-- 赡养/扶养人 (OBLIGOR) and contacts (CONTACT) of a person.
create table registry.related_parties (
    id                  uuid primary key,
    person_id           uuid not null references registry.people (id) on delete cascade,
    county_code         text not null,
    kind                text not null check (kind in ('OBLIGOR', 'CONTACT')),
    name                text not null,
    relation            text not null,
    phone_enc           text,
    sort_order          int not null
);
create index related_parties_by_person on registry.related_parties (person_id, kind, sort_order);

-- Every change, field by field; before/after are stored masked, never in clear.
create table registry.person_changes (
    id                  bigserial primary key,
    person_id           uuid not null references registry.people (id) on delete cascade,
    county_code         text not null,
    changed_at          timestamptz not null,
    changed_by          uuid,
    changed_by_name     text,
    change_kind         text not null,
    field               text not null,
    before_value        text,
    after_value         text
);
create index person_changes_by_person on registry.person_changes (person_id, changed_at desc, id desc);

-- A resident account (identity module's user id) linked to its own record, for self-service.
create table registry.resident_accounts (
    user_id             uuid primary key,
    person_id           uuid not null unique references registry.people (id) on delete cascade,
    linked_at           timestamptz not null
);

-- A resident's request to correct their record; lands in the community worker's queue.
create table registry.correction_requests (
    id                  uuid primary key,
    person_id           uuid not null references registry.people (id) on delete cascade,
    county_code         text not null,
    region_code         text not null,
    field               text not null,
    proposed_value_enc  text not null,
    note                text,
    status              text not null check (status in ('OPEN', 'DONE', 'REJECTED')),
    requested_by        uuid,
    requested_at        timestamptz not null,
    handled_by          uuid,
    handled_at          timestamptz,
    handling_note       text,
    version             int not null default 0
);
create index correction_requests_open on registry.correction_requests (county_code, left(region_code, 12), requested_at)
    where status = 'OPEN';

grant usage on schema registry to ${appRole};
grant select on registry.category_types to ${appRole};
grant select, insert, update, delete on registry.households, registry.people, registry.person_categories,
    registry.related_parties, registry.resident_accounts, registry.correction_requests to ${appRole};
-- history is append-only for the application
grant select, insert on registry.person_changes to ${appRole};
grant usage on sequence registry.person_changes_id_seq to ${appRole};
