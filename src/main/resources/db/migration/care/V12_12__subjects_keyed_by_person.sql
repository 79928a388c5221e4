-- A person is under care in one county at a time, so the person alone keys care.subjects. With two
-- unique keys, two refreshes of one new person at once (the registry's event and a worker opening
-- them) made the upsert fail on the key that was not its conflict target.
alter table care.subjects drop constraint subjects_pkey;
alter table care.subjects add constraint subjects_pkey primary key using index subjects_person;
