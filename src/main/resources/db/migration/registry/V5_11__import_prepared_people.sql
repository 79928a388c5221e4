-- New people of a roster import, prepared by its check: every valid new person heading their own
-- household gets here the exact column values registry.people will hold (sensitive fields already
-- SM4-GCM encrypted, identity number and phone as HMAC-SM3 blind indexes, never in clear), their
-- categories and related parties (phones encrypted) as JSON, and the ids of person and household.
-- The commit then re-checks in SQL what may have changed and copies these rows into the registry
-- without sending them through the application again; it deletes them when done.
create table registry.import_people (
    job_id              uuid not null references registry.import_jobs (id) on delete cascade,
    row_number          int not null,
    id                  uuid not null default gen_random_uuid(),
    household_id        uuid not null default gen_random_uuid(),
    county_code         text not null,
    region_code         text not null,
    community_code      text not null,
    grid_code           text,
    name                text not null,
    id_doc_type         text not null,
    id_number_enc       text not null,
    id_number_bidx      text not null,
    birth_date          date not null,
    sex                 text not null,
    phone_enc           text,
    phone_bidx          text,
    address_detail_enc  text,
    health_enc          text,
    income_band_enc     text,
    relation_to_head    text not null,
    -- [{"code","start_date","end_date","source","disability_type","disability_grade"}]
    categories          jsonb,
    -- [{"kind","name","relation","phone_enc","sort_order"}]
    parties             jsonb,
    primary key (job_id, row_number)
);

-- A prepared row's cells are not kept a second time: nothing reads them (only rejected rows are
-- written back to a workbook, and the commit reads the cells of the rows it did not prepare).
alter table registry.import_rows alter column row_enc drop not null;

grant select, insert, delete on registry.import_people to ${appRole};
