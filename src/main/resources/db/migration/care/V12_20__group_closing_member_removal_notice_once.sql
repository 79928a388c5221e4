-- A group is closed with a summary (encrypted, for the group's people as its notes are).
alter table care.groups
    add column closed_at timestamptz,
    add column closed_by uuid,
    add column summary   text;          -- FieldCipher

-- A team member leaves with a reason; the row stays so past follow-ups still name them.
alter table care.team_members
    add column removed_by     uuid,
    add column removed_reason text,
    add constraint team_members_removed_reason check ((removed_at is null) = (removed_reason is null));

-- The contact due time whose missed notice was sent: a redelivered deadline finds it and sends none.
alter table care.cases add column missed_notice_for timestamptz;
