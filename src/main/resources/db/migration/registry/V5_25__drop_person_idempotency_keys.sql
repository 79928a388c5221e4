-- POST /api/v1/people keeps its Idempotency-Key answers in platform.idempotent_requests now, with
-- every other POST. The keys kept here named only a person, not the answer, so they cannot move:
-- a retry of a create older than this migration registers again or is refused as a duplicate.
drop table registry.idempotency_keys;
