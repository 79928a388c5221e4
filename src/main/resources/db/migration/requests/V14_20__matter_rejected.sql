-- 不予办理: after its one 一次告知 return a matter whose materials are still not enough is ended with
-- a reason instead of a result. It is closed, but not resolved: the figures' 解决率 leaves it out.
alter table requests.matters add column rejected boolean not null default false;
