-- 终止 with 追回: the bureau ends a running project with a reason; what was paid out but not justified by
-- the reported spending is to be recovered by a due date, in one or more receipts until settled. Unpaid
-- instalments are cancelled; the unpaid award and every recovered yuan go back to the round's budget.
alter table projects.instalments drop constraint instalments_status_check;
alter table projects.instalments add constraint instalments_status_check
    check (status in ('PENDING', 'HELD', 'PAID', 'CANCELLED'));

create table projects.terminations (
    application_id      uuid primary key references projects.applications (id),
    county_code         text collate "C" not null,
    reason              text not null check (char_length(reason) between 4 and 500),
    terminated_on       date not null,
    paid                numeric(14, 2) not null check (paid >= 0),
    justified           numeric(14, 2) not null check (justified >= 0 and justified <= paid),
    to_recover          numeric(14, 2) not null check (to_recover = paid - justified),
    -- the receipts add up here in one conditional update, never beyond what is owed
    recovered           numeric(14, 2) not null check (recovered >= 0 and recovered <= to_recover),
    due_on              date check ((to_recover = 0) = (due_on is null)),
    settled_at          timestamptz check ((settled_at is null) = (recovered < to_recover)),
    overdue_notified_at timestamptz,
    created_at          timestamptz not null
);
create index terminations_county on projects.terminations (county_code, due_on) where settled_at is null;

create table projects.recovery_receipts (
    application_id    uuid not null references projects.terminations (application_id),
    number            int not null check (number > 0),
    county_code       text collate "C" not null,
    amount            numeric(14, 2) not null check (amount > 0),
    received_on       date not null,
    reference         text not null check (char_length(reference) between 2 and 60),
    recorded_by       uuid not null,
    created_at        timestamptz not null,
    primary key (application_id, number)
);

grant select, insert, update on projects.terminations to ${appRole};
grant select, insert on projects.recovery_receipts to ${appRole};
