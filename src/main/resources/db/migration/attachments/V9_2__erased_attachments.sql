-- Erasure (security.md item 10, retention): when its owner is purged, an attachment's row stays for
-- the audit trail but loses its file name and is marked erased; its encrypted content leaves the
-- blob store once no attachment that is not erased shares it (content is deduplicated).
alter table attachments.attachments add column erased_at timestamptz;
alter table attachments.attachments add constraint erased_ones_are_deleted check (erased_at is null or deleted_at is not null);
create index attachments_by_content on attachments.attachments (content_address);
create index attachments_by_thumbnail on attachments.attachments (thumbnail_address) where thumbnail_address is not null;
create index attachments_erased on attachments.attachments (erased_at) where erased_at is not null;
grant update (erased_at, file_name) on attachments.attachments to ${appRole};
