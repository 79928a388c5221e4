-- A record closed (销档): the person moved away, is no longer in need, or died (with the date of
-- death). A closed record stays, with its history, and takes no further change.
alter table registry.people
    add column closed_reason text check (closed_reason in ('MOVED_AWAY', 'NO_LONGER_IN_NEED', 'DECEASED')),
    add column closed_on date,
    add check ((closed_reason is null) = (closed_on is null));
