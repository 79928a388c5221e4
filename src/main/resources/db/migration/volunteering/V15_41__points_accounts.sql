-- 积分户: a resident without a volunteer profile (an elder who sorts rubbish) earns good-deed points and
-- redeems them at the community's store. Identified by name and mobile (encrypted, blind index, like the
-- volunteers'). The ledger and balances hold the account's id in their holder column (volunteer_id), so
-- the same guarded statements keep its balance; attached to a volunteer later, its balances move over
-- as two MERGE rows per community and the account is closed.
create table volunteering.points_accounts (
    county_code    text collate "C" not null,
    id             uuid        not null,
    community_code text collate "C" not null check (community_code ~ '^[0-9]{12}$'),
    real_name      text        not null check (char_length(real_name) between 1 and 30),
    phone_enc      text        not null,
    phone_bidx     text        not null,
    volunteer_id   uuid,
    attached_at    timestamptz,
    created_by     uuid        not null,
    created_at     timestamptz not null,
    primary key (county_code, id),
    check (county_code = left(community_code, 6)),
    check ((volunteer_id is null) = (attached_at is null))
);
create unique index points_accounts_phone on volunteering.points_accounts (county_code, community_code, phone_bidx)
    where volunteer_id is null;
create index points_accounts_by_community on volunteering.points_accounts (county_code, community_code, real_name)
    where volunteer_id is null;
grant select, insert, update on volunteering.points_accounts to ${appRole};

alter table volunteering.points_ledger drop constraint points_ledger_kind_check;
alter table volunteering.points_ledger add constraint points_ledger_kind_check
    check (kind in ('HOURS', 'DEED', 'REDEMPTION', 'REVERSAL', 'EXPIRY', 'MERGE'));

-- the store keeper finds a card-less holder by mobile: an account or a volunteer of the county
create index volunteers_by_phone on volunteering.volunteers (county_code, phone_bidx) where phone_bidx is not null;
