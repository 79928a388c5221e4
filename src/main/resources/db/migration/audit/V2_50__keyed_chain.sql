-- Keyed chain (docs/audit.md "Hash chain", issue 10 item 5): entries from now on are linked with
-- HMAC-SM3 under a key the database holds only wrapped under the master key, so whoever can write the
-- table cannot recompute a valid chain. Entries written before keep their plain SM3 link ('sm3'); in
-- each lane the first 'hmac-sm3' entry is the switch point, and no plain entry may follow it.
-- A constant default is stored in the catalogue only: existing rows read 'sm3' without a rewrite.
alter table audit.entries add column mac text not null default 'sm3' check (mac in ('sm3', 'hmac-sm3'));
alter table audit.entries alter column mac set default 'hmac-sm3';
