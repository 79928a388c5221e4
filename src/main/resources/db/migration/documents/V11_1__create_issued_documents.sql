-- Documents with QR codes: one row per issued document, so it can be verified and revoked.
-- The PDF itself is not kept; the printed content is kept encrypted (SM4-GCM, FieldCipher) so that
-- a copy can be rendered again. Only the claims (already masked) are in clear: the public page shows them.
create schema documents;
grant usage on schema documents to ${appRole};

create table documents.issued_documents (
    county_code       text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    serial            text collate "C" not null check (serial ~ '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$'),
    kind              text collate "C" not null check (kind ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    region_code       text collate "C" not null check (left(region_code, 6) = county_code),
    claims            jsonb       not null,
    printed_content   text        not null,
    issuer_id         uuid        not null,
    issuer_name       text        not null,
    issued_at         timestamptz not null,
    revoked_at        timestamptz,
    revoked_by        uuid,
    revocation_reason text check (revocation_reason is null or char_length(revocation_reason) between 1 and 200),
    primary key (county_code, serial),
    check ((revoked_at is null) = (revoked_by is null) and (revoked_at is null) = (revocation_reason is null))
);
-- the public page finds a document by its serial alone; serials are random, so unique across counties
create unique index issued_documents_by_serial on documents.issued_documents (serial);

grant select, insert, update on documents.issued_documents to ${appRole};
