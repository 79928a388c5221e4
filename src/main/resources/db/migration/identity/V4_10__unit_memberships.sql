-- Accounts belong to units (单位, module units): one or more, one of them primary. The unit id is
-- not a foreign key: units live in another module's schema, checked through its API when attached.
create table identity.unit_memberships (
    user_id    uuid        not null references identity.users (id),
    unit_id    uuid        not null,
    is_primary boolean     not null,
    added_by   uuid references identity.users (id),   -- null when seeded at startup
    added_at   timestamptz not null,
    primary key (user_id, unit_id)
);
create unique index unit_memberships_one_primary on identity.unit_memberships (user_id) where is_primary;
create index unit_memberships_by_unit on identity.unit_memberships (unit_id);

-- memberships are added, moved to primary and removed
grant select, insert, update, delete on identity.unit_memberships to ${appRole};
