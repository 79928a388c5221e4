-- POST /api/v1/people/imports keeps its Idempotency-Key answers in platform.idempotent_requests,
-- with every other POST; the job no longer carries the key (the unique constraint goes with it).
alter table registry.import_jobs drop column idempotency_key;
