-- Attachments (附件) of any module's objects. The content lies encrypted in the blob store under
-- content_address (keyed HMAC-SM3 of the plaintext); this table holds what lists and scope need.
create schema if not exists attachments;
grant usage on schema attachments to ${appRole};

create table attachments.attachments (
    county_code        text not null,
    id                 uuid not null,
    -- the owner's region when attached (community 12 or grid 15 digits), for the scope predicate
    region_code        text not null,
    owner_type         text not null,
    owner_id           text not null,
    kind               text not null check (kind in ('JPEG', 'PNG', 'PDF', 'DOCX', 'XLSX')),
    file_name          text not null,
    size_bytes         bigint not null check (size_bytes > 0),
    width              int,
    height             int,
    content_address    text not null check (content_address ~ '^[0-9a-f]{64}$'),
    thumbnail_address  text check (thumbnail_address ~ '^[0-9a-f]{64}$'),
    uploaded_by        uuid not null,
    uploaded_at        timestamptz not null,
    deleted_at         timestamptz,
    deleted_by         uuid,
    primary key (county_code, id),
    check (county_code ~ '^\d{6}$' and left(region_code, 6) = county_code),
    check ((deleted_at is null) = (deleted_by is null))
);
create unique index attachments_by_id on attachments.attachments (id);
create index attachments_by_owner on attachments.attachments (owner_type, owner_id, uploaded_at desc)
    where deleted_at is null;

-- deletion is a mark, never a DELETE: the audit trail keeps pointing at a row
grant select, insert on attachments.attachments to ${appRole};
grant update (deleted_at, deleted_by) on attachments.attachments to ${appRole};
