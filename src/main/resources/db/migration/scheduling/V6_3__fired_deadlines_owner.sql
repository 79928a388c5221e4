-- which handler a firing was delivered to (the class of the module's DeadlineHandler); null when no
-- handler owned the deadline's kind: such a firing is kept and shown, never delivered
alter table scheduling.fired_deadlines add column owner text;
create index fired_deadlines_unowned on scheduling.fired_deadlines (fired_at desc) where owner is null;
