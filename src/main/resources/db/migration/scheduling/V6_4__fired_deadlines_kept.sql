-- A fired deadline is the record that it fired once (and to whom it went): no code deletes one, so
-- the application role may not either (security.md item 10, least privilege).
revoke delete on scheduling.fired_deadlines from ${appRole};
