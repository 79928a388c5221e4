-- A year the holiday library does not know yet is estimated from the statutory holidays (ESTIMATED),
-- so a deadline reaching it is counted rather than refused, until the State Council's notice is
-- seeded or entered over it.
alter table calendar.years drop constraint years_source_check;
alter table calendar.years add constraint years_source_check check (source in ('SEEDED', 'ENTERED', 'ESTIMATED'));
