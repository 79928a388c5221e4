-- Lockout per username AND client address (security.md item 8): five wrong passwords from one
-- address no longer lock the holder out everywhere. The row with an empty address counts the
-- username's failures across all addresses; it only slows attempts down, it never locks.
alter table identity.login_failures add column client_address text not null default '';
alter table identity.login_failures add column last_attempt_at timestamptz;
alter table identity.login_failures drop constraint login_failures_pkey;
alter table identity.login_failures add primary key (username_normalized, client_address);
