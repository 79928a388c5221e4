-- Lanes (docs/audit.md "Hash chain"): each county's chain is split into a fixed number of lanes,
-- each its own gap-free hash chain with its own lock, so audit writes of one county no longer
-- queue on a single lock. Existing entries are lane 0, which new entries continue in the unchanged
-- canonical form; lanes 1.. add the lane to the canonical form.
-- A constant default is stored in the catalogue only: no table rewrite, no row trigger fires.
alter table audit.entries add column lane smallint not null default 0 check (lane >= 0);
alter table audit.entries add constraint entries_chain_lane_seq_key unique (chain, lane, seq);
alter table audit.entries drop constraint entries_chain_seq_key;
