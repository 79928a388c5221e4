-- Indexes for the audit admin's searches, newest first (occurred_at, then id for ties), and for
-- "who accessed this record" (object type + id, newest first).
drop index audit.entries_by_time;
create index entries_newest on audit.entries (occurred_at desc, id desc);
drop index audit.entries_by_object;
create index entries_by_object on audit.entries (object_type, object_id, occurred_at desc);
