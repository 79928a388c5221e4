-- A unit's inbox lists and counts only its open matters. Over the index of all its matters both
-- walked every matter the unit ever had (a committee with 1,000,000 closed matters: about a second
-- per page); this one holds the open ones only, in the list's order.
create index matters_open_by_unit on requests.matters (county_code, unit_id, submitted_at desc, id)
    where status in ('AWAITING_SIGN', 'HANDLING');
