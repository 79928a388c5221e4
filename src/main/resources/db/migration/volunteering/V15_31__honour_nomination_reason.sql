-- a nomination by hand (提名) names its reason; the ones from the year's hours have none
alter table volunteering.honours add column nomination_reason text check (char_length(nomination_reason) <= 200);
