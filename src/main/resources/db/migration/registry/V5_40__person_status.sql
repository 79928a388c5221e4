-- A person's status (档案状态): 在册 ACTIVE, 迁出 MOVED_OUT (date, destination), 死亡 DECEASED (date),
-- 销档 CLOSED (reason). Replaces V5_30's closed_reason/closed_on, where moving away was a closing
-- reason; a record may now also return to ACTIVE (status_on is then the day it was reopened).
-- moved_to_enc holds the destination as SM4-GCM ciphertext, like an address; rows moved away
-- before this migration have no destination.
alter table registry.people
    add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'MOVED_OUT', 'DECEASED', 'CLOSED')),
    add column status_on date,
    add column closing_reason text check (closing_reason in ('NO_LONGER_IN_NEED', 'DUPLICATE_RECORD')),
    add column moved_to_enc text;

update registry.people
set status = case closed_reason when 'MOVED_AWAY' then 'MOVED_OUT' when 'DECEASED' then 'DECEASED' else 'CLOSED' end,
    status_on = closed_on,
    closing_reason = case closed_reason when 'NO_LONGER_IN_NEED' then 'NO_LONGER_IN_NEED' end
where closed_reason is not null;

-- dropping the columns drops V5_30's checks with them
alter table registry.people drop column closed_reason, drop column closed_on;

alter table registry.people add constraint people_status_detail check (case status
    when 'ACTIVE' then closing_reason is null and moved_to_enc is null
    when 'MOVED_OUT' then status_on is not null and closing_reason is null
    when 'DECEASED' then status_on is not null and closing_reason is null and moved_to_enc is null
    else status_on is not null and closing_reason is not null and moved_to_enc is null end);
