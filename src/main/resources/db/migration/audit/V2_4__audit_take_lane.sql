-- Takes a lane of a county's chain and returns its head in one round trip (docs/audit.md "Hash
-- chain"): the lane's lock is held from here to the commit, so every round trip saved while holding
-- it is time the other writers of the county do not wait.
-- p_order: the lanes to try, in order; when every one is busy, waits for the first.
-- The function is VOLATILE, so its SELECT takes a fresh snapshot after the lock is granted and sees
-- the entry the lane's previous holder committed.
create function audit.take_lane(p_chain text, p_order int[], p_namespace int)
    returns table (lane int, seq bigint, hash text)
    language plpgsql volatile
as $$
declare
    candidate int;
    chosen int;
begin
    foreach candidate in array p_order loop
        if pg_try_advisory_xact_lock(p_namespace,
                hashtext(case when candidate = 0 then p_chain else p_chain || '-' || candidate end)) then
            chosen := candidate;
            exit;
        end if;
    end loop;
    if chosen is null then
        chosen := p_order[1];
        perform pg_advisory_xact_lock(p_namespace,
                hashtext(case when chosen = 0 then p_chain else p_chain || '-' || chosen end));
    end if;
    return query
        select chosen, e.seq, e.hash from audit.entries e
        where e.chain = p_chain and e.lane = chosen
        order by e.seq desc limit 1;
    if not found then
        return query select chosen, 0::bigint, null::text;
    end if;
end
$$;

grant execute on function audit.take_lane(text, int[], int) to ${appRole};
