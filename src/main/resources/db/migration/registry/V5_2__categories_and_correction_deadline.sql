-- Counties add their own categories (困难类别) beside the national ones; a correction request is
-- answered within 30 days (PIPL Art. 50 / GB/T 35273 §8.7), so it carries its due date.
alter table registry.category_types add column created_by uuid;
grant insert, update on registry.category_types to ${appRole};

alter table registry.correction_requests add column due_at timestamptz;
update registry.correction_requests set due_at = requested_at + interval '30 days' where due_at is null;
alter table registry.correction_requests alter column due_at set not null;
