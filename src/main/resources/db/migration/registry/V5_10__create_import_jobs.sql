-- Roster imports (Excel 导入): one job per uploaded workbook, owned by the user who uploaded it, and
-- one row per data row of the sheet. row_enc holds the row's original cells as SM4-GCM encrypted
-- JSON (they contain identity numbers); reasons and diff are shown to the owner and hold no PII in
-- clear (changes are masked as in the person history).
create table registry.import_jobs (
    id                  uuid primary key,
    owner_id            uuid not null,
    county_code         text not null check (county_code ~ '^\d{6}$'),
    file_name           text not null,
    file_sha256         text not null,
    idempotency_key     text,
    status              text not null check (status in ('VALIDATING', 'READY', 'COMMITTING', 'DONE', 'DISCARDED', 'FAILED')),
    total_rows          int not null default 0,
    valid_rows          int not null default 0,
    rejected_rows       int not null default 0,
    new_rows            int not null default 0,
    updated_rows        int not null default 0,
    unchanged_rows      int not null default 0,
    sheet_rows          bigint not null default 0,
    progress            int not null default 0,
    error               text,
    version             int not null default 0,
    created_at          timestamptz not null,
    finished_at         timestamptz,
    unique (owner_id, idempotency_key)
);
create index import_jobs_by_owner on registry.import_jobs (owner_id, created_at desc);

create table registry.import_rows (
    job_id              uuid not null references registry.import_jobs (id) on delete cascade,
    row_number          int not null,
    row_enc             text not null,
    outcome             text not null check (outcome in ('NEW', 'UPDATE', 'UNCHANGED', 'REJECTED')),
    reasons             text,
    diff                text,
    primary key (job_id, row_number)
);
create index import_rows_by_outcome on registry.import_rows (job_id, outcome, row_number);

grant select, insert, update, delete on registry.import_jobs, registry.import_rows to ${appRole};
